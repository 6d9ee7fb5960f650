package dev.ringtail.slf4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.ringtail.internal.config.RingtailConfig;
import dev.ringtail.testing.CapturedOutput;
import dev.ringtail.testing.IngestServer;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * Guarantee 7 for the binding: with a token configured, the startup line, console output,
 * stderr, and the {@code toString()} of an instance of every public type of
 * {@code dev.ringtail.slf4j} (found in the compiled classes) hold no form of the token, while
 * the loopback receiver gets it in the header. The core's own suite covers faults and JMX.
 */
class TokenSecrecyBindingTest {
    private static final String TOKEN = "rtBINDINGtok3nQ7wZx5Lp2Vn";

    @Test
    void bindingNeverShowsTheToken() throws Exception {
        IngestServer receiver = IngestServer.start();
        List<String> observed = new ArrayList<>();
        String out;
        String err;
        try (receiver; CapturedOutput stdout = CapturedOutput.systemOut(); CapturedOutput stderr = CapturedOutput.systemErr()) {
            RingtailConfig config = RingtailConfig.of(Map.of(
                    RingtailConfig.TOKEN, TOKEN,
                    RingtailConfig.ENDPOINT, receiver.uri().toString(),
                    RingtailConfig.SHUTDOWN_HOOK, "false",
                    RingtailConfig.BATCH_FLUSH_MILLIS, "20"), Map.of(), null, stderr.diagnostics());
            RingtailRuntime runtime = RingtailRuntime.start(config, stderr.diagnostics());
            RingtailLoggerFactory factory = new RingtailLoggerFactory(config, runtime.pipeline());
            Logger logger = factory.getLogger("shop.checkout");
            try {
                logger.info("order {} paid", 42);
                logger.error("payment failed", new IllegalStateException("card declined"));
                logger.atWarn().addKeyValue("order_id", 42).log("slow");
                assertThat(runtime.flush(Duration.ofSeconds(10))).isTrue();

                Map<Class<?>, List<Object>> instances = Map.of(
                        RingtailLogger.class, List.of(logger),
                        RingtailServiceProvider.class, List.of(new RingtailServiceProvider()));
                for (Class<?> type : publicTypes(RingtailLogger.class)) {
                    List<Object> some = instances.get(type);
                    if (some == null && !staticOnly(type)) {
                        fail("public type " + type.getName() + " has no instance in this test: add a sensible one");
                    }
                    for (Object instance : some == null ? List.of() : some) {
                        observed.add(instance.toString());
                    }
                }
                observed.add(factory.toString());
                observed.add(runtime.stats().toString());
                observed.add(config.toString());
            } finally {
                assertThat(runtime.shutdown(Duration.ofSeconds(5))).isTrue();
            }
            out = stdout.text();
            err = stderr.text();
        }
        assertThat(receiver.requests()).as("positive control: the receiver got the token").isNotEmpty()
                .allSatisfy(request -> assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN));
        assertThat(err).as("the startup line names where logs go").contains("logs go to").contains("token ****");
        assertThat(out).contains("order 42 paid").contains("card declined");
        observed.add(out);
        observed.add(err);
        for (String text : observed) {
            for (String form : forms()) {
                if (text.contains(form)) {
                    fail("the token (as '" + form + "') leaked into: " + text);
                }
            }
        }
    }

    private static List<String> forms() {
        List<String> forms = new ArrayList<>();
        for (String plain : List.of(TOKEN, "Bearer " + TOKEN)) {
            forms.add(plain);
            forms.add(Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8)).replace("=", ""));
            forms.add(Base64.getUrlEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8)).replace("=", ""));
        }
        return forms;
    }

    private static boolean staticOnly(Class<?> type) {
        return type.getConstructors().length == 0 && !type.isInterface()
                && Arrays.stream(type.getMethods()).filter(m -> m.getDeclaringClass() == type)
                        .allMatch(m -> Modifier.isStatic(m.getModifiers()));
    }

    /** Every public type (nested ones too) compiled next to {@code anchor}. */
    private static List<Class<?>> publicTypes(Class<?> anchor) throws IOException, ClassNotFoundException {
        Path root;
        try {
            root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        assertThat(root).isDirectory();
        List<Class<?>> types = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
                name = name.substring(0, name.length() - ".class".length());
                if (name.endsWith("package-info") || name.endsWith("module-info")) {
                    continue;
                }
                Class<?> type = Class.forName(name, false, anchor.getClassLoader());
                boolean api = !type.isAnonymousClass() && !type.isLocalClass() && !type.isSynthetic();
                for (Class<?> c = type; api && c != null; c = c.getEnclosingClass()) {
                    api = Modifier.isPublic(c.getModifiers());
                }
                if (api) {
                    types.add(type);
                }
            }
        }
        assertThat(types).contains(RingtailLogger.class, RingtailServiceProvider.class, Ringtail.class);
        return types;
    }
}
