package dev.ringtail.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.Level;
import dev.ringtail.internal.ring.Pipeline;
import dev.ringtail.testing.CapturedOutput;
import dev.ringtail.testing.Events;
import dev.ringtail.testing.IngestServer;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * ringtail-core does not depend on slf4j-api, yet Apache HttpClient cannot load without it. With
 * core alone on the class path the sink must say so once and count its events failed, and the
 * pipeline must keep working. Runs the scenario in a class loader that cannot see slf4j-api.
 */
class WithoutSlf4jTest {

    @Test
    void withoutSlf4jApiTheSinkRefusesOnceAndThePipelineLives() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!new File(entry).getName().startsWith("slf4j-api")) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        try (IngestServer server = IngestServer.start();
             URLClassLoader isolated = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader())) {
            @SuppressWarnings("unchecked")
            Function<String, String> scenario = (Function<String, String>) isolated
                    .loadClass(Scenario.class.getName()).getDeclaredConstructor().newInstance();

            String result = scenario.apply(server.uri().toString());

            assertThat(result).startsWith("slf4j=absent delivered=0 failed=3 ");
            assertThat(result).contains("slf4j-api is not on the class path").doesNotContain(SinkFixture.TOKEN);
            assertThat(server.requests()).isEmpty();
        }
    }

    /** Runs inside the isolated loader; public so it can be instantiated there. */
    public static final class Scenario implements Function<String, String> {
        @Override
        public String apply(String uri) {
            String slf4j;
            try {
                Class.forName("org.slf4j.LoggerFactory");
                slf4j = "present";
            } catch (ClassNotFoundException e) {
                slf4j = "absent";
            }
            CapturedOutput stderr = new CapturedOutput();
            BetterStackSink sink = BetterStackSink.builder().endpoint(java.net.URI.create(uri))
                    .token(SinkFixture.TOKEN).diagnostics(stderr.diagnostics()).build();
            Pipeline pipeline = Pipeline.builder().jmx(false).diagnostics(stderr.diagnostics()).sink(sink).build().start();
            for (int i = 0; i < 3; i++) {
                Events.log(pipeline, Level.INFO, "event " + i);
            }
            boolean shut = pipeline.shutdown(Duration.ofSeconds(5));
            return "slf4j=" + slf4j + " delivered=" + sink.counters().snapshot().delivered()
                    + " failed=" + sink.counters().snapshot().failed() + " shutdown=" + shut + " stderr=" + stderr.text();
        }
    }
}
