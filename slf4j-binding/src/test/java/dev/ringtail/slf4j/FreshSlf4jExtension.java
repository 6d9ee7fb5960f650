package dev.ringtail.slf4j;

import dev.ringtail.internal.config.RingtailConfig;
import dev.ringtail.testing.CapturedOutput;
import dev.ringtail.testing.IngestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactoryFriend;

/**
 * For tests that go through SLF4J's global {@code LoggerFactory}: each test starts with SLF4J
 * reset (the ringtail pipeline SLF4J initialized last stopped), so its first logger initializes
 * a new provider, with {@code System.out} and {@code System.err} captured, so that provider's
 * console lines and ringtail's own lines land in {@link #stdout()} and {@link #stderr()}. After
 * the test SLF4J is reset again, the system properties set through {@link #systemProperty} are
 * cleared and the streams put back.
 *
 * <pre>{@code @RegisterExtension final FreshSlf4jExtension slf4j = new FreshSlf4jExtension();}</pre>
 *
 * <p>Public for the tests of {@code dev.ringtail.slf4j.spring}, which reset SLF4J the same way.
 */
public final class FreshSlf4jExtension implements BeforeEachCallback, AfterEachCallback {
    private final List<String> properties = new ArrayList<>();
    private CapturedOutput stdout;
    private CapturedOutput stderr;

    @Override
    public void beforeEach(ExtensionContext context) {
        stdout = CapturedOutput.systemOut();
        stderr = CapturedOutput.systemErr();
        reset();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            reset();
        } finally {
            properties.forEach(System::clearProperty);
            properties.clear();
            stderr.close();
            stdout.close();
        }
    }

    /**
     * Stops the pipeline SLF4J initialized last and resets SLF4J: the next logger asked for
     * initializes a new provider, configured by the system properties of that moment.
     */
    public void reset() {
        RingtailServiceProvider active = RingtailServiceProvider.active();
        if (active != null && active.runtime() != null) {
            active.runtime().shutdown(Duration.ofSeconds(5));
        }
        LoggerFactoryFriend.reset();
    }

    /** Sets a system property for this test only: cleared after it. */
    public void systemProperty(String key, String value) {
        properties.add(key);
        System.setProperty(key, value);
    }

    /** What went to {@code System.out} during the test: the console sink's lines. */
    public CapturedOutput stdout() {
        return stdout;
    }

    /** What went to {@code System.err} during the test: ringtail's own lines among them. */
    public CapturedOutput stderr() {
        return stderr;
    }

    /**
     * Configures ringtail the way a user would, through system properties: shipping to
     * {@code server} with {@link LiveSlf4j#TOKEN}, batches sent after 50 ms, retries at most 50 ms
     * apart, then {@code keyValues} (which may override those). SLF4J initializes on the first
     * logger asked for.
     */
    LiveSlf4j shippingTo(IngestServer server, String... keyValues) {
        systemProperty(RingtailConfig.TOKEN, LiveSlf4j.TOKEN);
        systemProperty(RingtailConfig.ENDPOINT, server.uri().toString());
        systemProperty(RingtailConfig.BATCH_FLUSH_MILLIS, "50");
        systemProperty(RingtailConfig.RETRY_MAX_BACKOFF_MILLIS, "50");
        for (int i = 0; i < keyValues.length; i += 2) {
            systemProperty(keyValues[i], keyValues[i + 1]);
        }
        return new LiveSlf4j(this);
    }
}
