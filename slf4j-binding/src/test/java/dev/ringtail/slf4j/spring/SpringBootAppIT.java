package dev.ringtail.slf4j.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ringtail.testing.IngestServer;
import dev.ringtail.testing.Json;
import dev.ringtail.testing.Waiting;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real Spring Boot web application (src/it/spring-boot-app: starter-web and starter-actuator,
 * starter-logging excluded, ringtail as the plain dependency), built by the invoker as a fat jar
 * for each supported Boot line and started here with {@code java -jar}, shipping to a loopback
 * receiver that checks the token application.properties names. Its levels come from
 * application.properties and the environment and change through {@code /actuator/loggers};
 * Spring's start-up lines, Tomcat's JUL lines and a {@code @PreDestroy} line at SIGTERM are all
 * shipped, and nothing accepted is lost across the sink rebuild.
 */
class SpringBootAppIT {
    private static final String TOKEN = "it-spring-boot-token-0123456789wxyz";
    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");
    private static final Pattern UNTIL_THEN = Pattern.compile("\\(reconfigured\\); until then accepted (\\d+), dropped 0"
            + " \\(console delivered (\\d+), failed 0\\)");
    private static final Pattern STATS = Pattern.compile("APP stats accepted=(\\d+) dropped=(\\d+) console=(\\d+)/(\\d+)"
            + " betterstack=(\\d+)/(\\d+)");
    private static final Duration START = Duration.ofSeconds(90);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @ParameterizedTest(name = "Spring Boot {0}")
    @ValueSource(strings = {"boot3", "boot4"})
    void aSpringBootApplicationShipsItsLogsThroughRingtail(String line) throws Exception {
        Path jar = Paths.get(System.getProperty("ringtail.it.springBootApp"), line, "shop.jar");
        assumeTrue(Files.isRegularFile(jar), "built by the invoker (src/it/spring-boot-app); -Dinvoker.skip skips it");
        Path work = Files.createDirectories(Paths.get(System.getProperty("ringtail.it.work"), "spring-" + line));
        Path out = work.resolve("stdout.txt");
        Path err = work.resolve("stderr.txt");
        try (IngestServer receiver = IngestServer.start(TOKEN)) {
            ProcessBuilder builder = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--shop.receiver=" + receiver.uri())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().keySet().removeIf(k -> k.startsWith("RINGTAIL_") || k.contains("SOURCE_TOKEN")
                    || k.startsWith("LOGGING_"));
            builder.environment().put("LOGGING_LEVEL_SHOP_ENV", "debug");
            Process app = builder.start();
            try {
                String base = "http://127.0.0.1:" + port(receiver, app, out);

                // logging.level.* from application.properties and from an environment variable
                get(base + "/log?logger=shop.props.Cart&level=DEBUG&message=props-debug");
                get(base + "/log?logger=shop.env.Cart&level=DEBUG&message=env-debug");
                get(base + "/log?logger=shop.other.Cart&level=DEBUG&message=not-shipped");

                // /actuator/loggers: GET reports the level in force and lists ringtail's loggers
                Map<String, Object> loggers = Json.object(get(base + "/actuator/loggers").getBytes(StandardCharsets.UTF_8));
                assertThat(loggers.get("levels")).asInstanceOf(InstanceOfAssertFactories.LIST).contains("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> byName = (Map<String, Map<String, Object>>) loggers.get("loggers");
                assertThat(byName.get("ROOT")).containsEntry("effectiveLevel", "INFO");
                assertThat(byName.get("shop.props")).containsEntry("configuredLevel", "DEBUG");
                assertThat(byName.get("shop.props.Cart")).containsEntry("effectiveLevel", "DEBUG");
                assertThat(byName.get("shop.other.Cart")).containsEntry("effectiveLevel", "INFO");
                assertThat(byName).containsKeys("org.apache.catalina.core.StandardService", "shop.early");

                // POST changes a level, the next call obeys, GET reports it
                HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/loggers/shop.other"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"configuredLevel\":\"DEBUG\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(post.statusCode()).isEqualTo(204);
                get(base + "/log?logger=shop.other.Cart&level=DEBUG&message=after-post");
                Map<String, Object> other = Json.object(get(base + "/actuator/loggers/shop.other.Cart")
                        .getBytes(StandardCharsets.UTF_8));
                assertThat(other).containsEntry("effectiveLevel", "DEBUG");

                Waiting.atMost(Duration.ofSeconds(20)).until(() -> messages(receiver).contains("after-post"));
            } finally {
                app.destroy(); // SIGTERM
                if (!app.waitFor(60, TimeUnit.SECONDS)) {
                    app.destroyForcibly();
                }
            }
            String stdout = Files.readString(out);
            String stderr = Files.readString(err);
            String report = "--- stdout\n" + stdout + "--- stderr\n" + stderr;
            List<Map<String, Object>> events = receiver.events();
            List<Object> shipped = events.stream().map(e -> e.get("message")).toList();

            assertThat(shipped).as(report).contains("props-debug", "env-debug", "after-post")
                    .doesNotContain("not-shipped", "before Spring: console only");
            assertThat(receiver.problems()).as("the receiver checks the token").isEmpty();
            assertThat(events).as("Spring's start-up lines").anySatisfy(e -> {
                assertThat(e.get("logger_name")).isEqualTo("example.ShopApp");
                assertThat((String) e.get("message")).startsWith("Started ShopApp in");
            });
            assertThat(events).as("Tomcat's JUL lines, with their logger names").anySatisfy(e -> {
                assertThat(e.get("logger_name")).isEqualTo("org.apache.catalina.core.StandardService");
                assertThat(e.get("message")).isEqualTo("Starting service [Tomcat]");
            });
            assertThat(events).as("the @PreDestroy line, logged at SIGTERM after the context began closing")
                    .anySatisfy(e -> assertThat(e.get("message")).isEqualTo("farewell from @PreDestroy"));
            assertThat(stderr).as("nothing logged after ringtail's shutdown").doesNotContain("[INFO] shop.lifecycle");

            // before Spring configured ringtail: the console only, and all of it delivered there
            assertThat(stdout).contains("[INFO] shop.early: before Spring: console only");
            Matcher before = UNTIL_THEN.matcher(stderr);
            assertThat(before.find()).as(report).isTrue();
            assertThat(before.group(2)).isEqualTo(before.group(1));
            // after the rebuild, counted after the drain: every accepted event delivered by both sinks
            Matcher stats = STATS.matcher(stdout);
            assertThat(stats.find()).as(report).isTrue();
            long accepted = Long.parseLong(stats.group(1));
            assertThat(stats.group(2)).as("dropped").isEqualTo("0");
            assertThat(Long.parseLong(stats.group(3))).as("console delivered").isEqualTo(accepted);
            assertThat(stats.group(4)).as("console failed").isEqualTo("0");
            assertThat(Long.parseLong(stats.group(5))).as("betterstack delivered").isEqualTo(accepted);
            assertThat(stats.group(6)).as("betterstack failed").isEqualTo("0");
            assertThat((long) events.size()).as("the receiver got them all").isEqualTo(accepted);
        }
    }

    // Spring picks a free port (server.port=0) and says which in a line that ringtail ships.
    private static int port(IngestServer receiver, Process app, Path out) {
        Waiting.atMost(START).failFast("the application exited", () -> !app.isAlive())
                .until(() -> messages(receiver).stream().anyMatch(m -> PORT.matcher(String.valueOf(m)).find()));
        for (Object message : messages(receiver)) {
            Matcher m = PORT.matcher(String.valueOf(message));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        throw new AssertionError("no port in the shipped lines; stdout at " + out);
    }

    private static List<Object> messages(IngestServer receiver) {
        return receiver.events().stream().map(e -> e.get("message")).toList();
    }

    private String get(String uri) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(20))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(uri + ": " + response.body()).isEqualTo(200);
        return response.body();
    }
}
