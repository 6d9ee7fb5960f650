package dev.ringtail.slf4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.ringtail.internal.config.RingtailConfig;
import dev.ringtail.slf4j.internal.ProviderControl;
import dev.ringtail.slf4j.jul.JulBridge;
import dev.ringtail.slf4j.spring.RingtailLoggingSystem;
import dev.ringtail.testing.CapturedOutput;
import dev.ringtail.testing.IngestServer;
import dev.ringtail.testing.PublicTypes;
import dev.ringtail.testing.Secrets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * Guarantee 7 for the binding: with a token configured, the startup line, console output,
 * stderr, and the {@code toString()} of an instance of every public type of
 * {@code dev.ringtail.slf4j} (found in the compiled classes) hold no form of the token
 * ({@link Secrets}), while the loopback receiver gets it in the header. The core's own suite
 * covers faults and JMX.
 */
class TokenSecrecyBindingTest {
    private static final String TOKEN = "rtBINDINGtok3nQ7wZx5Lp2Vn";

    @Test
    void bindingNeverShowsTheToken() throws Exception {
        Secrets secrets = new Secrets(TOKEN);
        List<String> observed = new ArrayList<>();
        try (IngestServer receiver = IngestServer.start();
             CapturedOutput stdout = CapturedOutput.systemOut();
             CapturedOutput stderr = CapturedOutput.systemErr()) {
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
                        RingtailServiceProvider.class, List.of(new RingtailServiceProvider()),
                        JulBridge.class, List.of(runtime.jul()),
                        JulBridge.Owner.class, List.of(factory),
                        ProviderControl.class, List.of(factory),
                        RingtailLoggingSystem.class, List.of(new RingtailLoggingSystem(getClass().getClassLoader())),
                        RingtailLoggingSystem.Factory.class, List.of(new RingtailLoggingSystem.Factory()));
                List<Class<?>> types = PublicTypes.besides(RingtailLogger.class);
                assertThat(types).contains(RingtailLogger.class, RingtailServiceProvider.class, Ringtail.class);
                for (Class<?> type : types) {
                    List<Object> some = instances.get(type);
                    if (some == null && !PublicTypes.staticOnly(type)) {
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
            assertThat(receiver.requests()).as("positive control: the receiver got the token").isNotEmpty()
                    .allSatisfy(request -> assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN));
            String err = stderr.text();
            assertThat(err).as("the startup line names where logs go").contains("logs go to").contains("token ****");
            assertThat(stdout.text()).contains("order 42 paid").contains("card declined");
            observed.add(stdout.text());
            observed.add(err);
        }
        for (String text : observed) {
            String leak = secrets.findIn(text);
            if (leak != null) {
                fail("the token leaked: " + leak + " in: " + text);
            }
        }
    }
}
