package dev.ringtail.slf4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.Level;
import dev.ringtail.internal.event.ValueType;
import dev.ringtail.internal.ring.LogEvent;
import dev.ringtail.testing.CollectingSink;
import dev.ringtail.testing.ThrowingToString;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.helpers.BasicMarkerFactory;

/** Every overload of {@link Logger} at every level, checked field by field on the delivered event. */
class RingtailLoggerTest {
    private static final Marker MARKER = new BasicMarkerFactory().getMarker("AUDIT");
    private static final IllegalStateException BOOM = new IllegalStateException("boom");
    private static final String[] EXPECTED_MESSAGES = {
        "plain {}", "one a", "two a b", "three a b c", "thrown",
        "plain {}", "one a", "two a b", "three a b c", "thrown"};

    private final CollectingSink sink = new CollectingSink();
    private final CopyOnWriteMdcAdapter mdc = new CopyOnWriteMdcAdapter();

    @AfterEach
    void clearMdc() {
        mdc.clear();
    }

    @ParameterizedTest
    @ValueSource(strings = {"trace", "debug", "info", "warn", "error"})
    void everyOverloadDeliversOneEventWithItsFields(String levelName) {
        try (TestLoggers loggers = new TestLoggers(sink, "ringtail.level", "trace")) {
            Logger logger = loggers.logger("shop.checkout");
            mdc.put("request_id", "c0ffee");
            assertThat(enabled(logger, levelName)).isTrue();

            callEveryOverload(logger, levelName);
            loggers.flush();

            List<LogEvent> events = sink.events();
            assertThat(events).hasSize(10);
            for (int i = 0; i < events.size(); i++) {
                LogEvent e = events.get(i);
                assertThat(e.level()).isEqualTo(Level.valueOf(levelName.toUpperCase()));
                assertThat(e.loggerName()).isEqualTo("shop.checkout");
                assertThat(e.threadName()).isEqualTo(Thread.currentThread().getName());
                assertThat(e.message().toString()).as("message %d", i).isEqualTo(EXPECTED_MESSAGES[i]);
                assertThat(e.throwable()).as("throwable %d", i).isSameAs(i % 5 == 4 ? BOOM : null);
                assertThat(markers(e)).as("markers %d", i).isEqualTo(i >= 5 ? List.of("AUDIT") : List.of());
                assertThat(e.mdc()).isEqualTo(Map.of("request_id", "c0ffee"));
                assertThat(e.keyValueCount()).isZero();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"trace", "debug", "info", "warn", "error"})
    void offLetsNothingThrough(String levelName) {
        try (TestLoggers loggers = new TestLoggers(sink, "ringtail.level", "off")) {
            Logger logger = loggers.logger("quiet");
            assertThat(enabled(logger, levelName)).isFalse();
            callEveryOverload(logger, levelName);
            loggers.flush();
            assertThat(sink.events()).isEmpty();
            assertThat(loggers.pipeline.stats().attempted()).isZero();
        }
    }

    @Test
    void levelIsTheLongestConfiguredPrefix() {
        try (TestLoggers loggers = new TestLoggers(sink, "ringtail.level", "warn",
                "ringtail.level.com.shop", "debug", "ringtail.level.com.shop.noisy", "off")) {
            assertThat(threshold(loggers, "com.shop.Cart")).isEqualTo(Level.DEBUG.ordinal());
            assertThat(threshold(loggers, "com.shop")).isEqualTo(Level.DEBUG.ordinal());
            assertThat(threshold(loggers, "com.shopping.Cart")).isEqualTo(Level.WARN.ordinal());
            assertThat(threshold(loggers, "com.shop.noisy.Poller")).isEqualTo(5);
            assertThat(threshold(loggers, "org.other")).isEqualTo(Level.WARN.ordinal());

            Logger cart = loggers.logger("com.shop.Cart");
            cart.trace("not logged");
            cart.debug("logged");
            loggers.logger("com.shop.noisy.Poller").error("not logged either");
            loggers.flush();
            assertThat(sink.events()).extracting(e -> e.message().toString()).containsExactly("logged");
        }
    }

    @Test
    void relocatedHttpClientLoggersKeepTheBuiltInWarnLevel() {
        try (TestLoggers loggers = new TestLoggers(sink, "ringtail.level", "trace")) {
            Logger shaded = loggers.logger("dev.ringtail.shaded.org.apache.hc.client5.http.impl.async.H2AsyncClient");
            Logger plain = loggers.logger("org.apache.hc.core5.http.impl.nio.ClientHttp1StreamDuplexer");
            assertThat(shaded.isInfoEnabled()).isFalse();
            assertThat(shaded.isWarnEnabled()).isTrue();
            assertThat(plain.isInfoEnabled()).isFalse();
            assertThat(loggers.logger("dev.ringtail.shaded.com.lmax.disruptor.X").isTraceEnabled()).isTrue();
        }
        try (TestLoggers loggers = new TestLoggers(sink, "ringtail.level.org.apache.hc", "debug")) {
            assertThat(loggers.logger("dev.ringtail.shaded.org.apache.hc.client5.http.X").isDebugEnabled()).isTrue();
        }
    }

    @Test
    void loggersAreCachedPerName() {
        try (TestLoggers loggers = new TestLoggers(sink)) {
            assertThat(loggers.logger("a.b")).isSameAs(loggers.logger("a.b"));
            assertThat(loggers.logger(null).getName()).isEqualTo(Logger.ROOT_LOGGER_NAME);
        }
    }

    @Test
    void argumentsAreCapturedAsTheyWereAtTheCall() {
        try (TestLoggers loggers = new TestLoggers(sink)) {
            StringBuilder mutable = new StringBuilder("before");
            List<String> list = new ArrayList<>(List.of("x"));
            loggers.logger("t").info("{} {}", mutable, list);
            mutable.setLength(0);
            mutable.append("after");
            list.add("y");
            loggers.flush();
            assertThat(sink.last().message().toString()).isEqualTo("before [x]");
        }
    }

    @Test
    void mdcChangedAfterTheCallIsNotSeenByTheEvent() {
        try (TestLoggers loggers = new TestLoggers(sink)) {
            mdc.put("user", "ann");
            Map<String, String> before = CopyOnWriteMdcAdapter.current();
            loggers.logger("t").info("one");
            assertThat(CopyOnWriteMdcAdapter.current()).as("no copy when unchanged").isSameAs(before);
            mdc.put("user", "bob");
            mdc.remove("user");
            loggers.flush();
            assertThat(sink.last().mdc()).isEqualTo(Map.of("user", "ann"));
        }
    }

    @Test
    void badInputNeverReachesTheCaller() {
        try (TestLoggers loggers = new TestLoggers(sink)) {
            Logger logger = loggers.logger("t");
            Object throwing = new ThrowingToString();
            logger.info(null);
            logger.info(null, (Object) null);
            logger.info("{} {}", null, null);
            logger.info("{}", (Object[]) null);
            logger.info("x {}", throwing);
            logger.info((Marker) null, "no marker");
            logger.info("nothing thrown", (Throwable) null);
            loggers.flush();
            assertThat(sink.events()).extracting(e -> e.message().toString()).containsExactly(
                    "null", "null", "null null", "{}", "x [FAILED toString()]", "no marker", "nothing thrown");
        }
    }

    @Test
    void trailingThrowableIsTheException() {
        try (TestLoggers loggers = new TestLoggers(sink)) {
            Logger logger = loggers.logger("t");
            logger.info("one {}", BOOM);
            logger.info("two {} {}", "a", BOOM);
            logger.info("three {} {} {}", "a", "b", BOOM);
            logger.info("first {} {}", BOOM, "b");
            loggers.flush();
            List<LogEvent> events = sink.events();
            assertThat(events).extracting(e -> e.message().toString())
                    .containsExactly("one {}", "two a {}", "three a b {}",
                            "first java.lang.IllegalStateException: boom b");
            assertThat(events).extracting(LogEvent::throwable).containsExactly(BOOM, BOOM, BOOM, null);
        }
    }

    @Test
    void fluentKeyValuesBecomeFieldsWithTheirTypes() {
        try (TestLoggers loggers = new TestLoggers(sink)) {
            loggers.logger("t").atWarn().addMarker(MARKER).addKeyValue("order_id", 42).addKeyValue("retry", true)
                    .addKeyValue("ratio", 0.5).addKeyValue("none", (Object) null).addKeyValue("who", "ann")
                    .setCause(BOOM).log("Payment failed for order {}", 42);
            loggers.flush();
            LogEvent e = sink.last();
            assertThat(e.level()).isEqualTo(Level.WARN);
            assertThat(e.message().toString()).isEqualTo("Payment failed for order 42");
            assertThat(e.throwable()).isSameAs(BOOM);
            assertThat(markers(e)).containsExactly("AUDIT");
            assertThat(e.keyValueCount()).isEqualTo(5);
            assertThat(e.key(0)).isEqualTo("order_id");
            assertThat(e.valueType(0)).isEqualTo(ValueType.LONG);
            assertThat(e.longValue(0)).isEqualTo(42);
            assertThat(e.valueType(1)).isEqualTo(ValueType.BOOLEAN);
            assertThat(e.booleanValue(1)).isTrue();
            assertThat(e.valueType(2)).isEqualTo(ValueType.DOUBLE);
            assertThat(e.doubleValue(2)).isEqualTo(0.5);
            assertThat(e.valueType(3)).isEqualTo(ValueType.NULL);
            assertThat(e.valueType(4)).isEqualTo(ValueType.STRING);
            assertThat(e.textValue(4)).isEqualTo("ann");
        }
    }

    @Test
    void disabledFluentCallsPublishNothing() {
        try (TestLoggers loggers = new TestLoggers(sink, "ringtail.level", "info")) {
            loggers.logger("t").atDebug().addKeyValue("k", "v").log("not logged");
            loggers.flush();
            assertThat(loggers.pipeline.stats().attempted()).isZero();
        }
    }

    private static int threshold(TestLoggers loggers, String name) {
        return ((RingtailLogger) loggers.logger(name)).threshold();
    }

    static List<String> markers(LogEvent e) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < e.markerCount(); i++) {
            names.add(e.marker(i));
        }
        return names;
    }

    private static boolean enabled(Logger logger, String level) {
        switch (level) {
            case "trace":
                return logger.isTraceEnabled() && logger.isTraceEnabled(MARKER);
            case "debug":
                return logger.isDebugEnabled() && logger.isDebugEnabled(MARKER);
            case "info":
                return logger.isInfoEnabled() && logger.isInfoEnabled(MARKER);
            case "warn":
                return logger.isWarnEnabled() && logger.isWarnEnabled(MARKER);
            case "error":
                return logger.isErrorEnabled() && logger.isErrorEnabled(MARKER);
            default:
                throw new IllegalArgumentException(level);
        }
    }

    private static void callEveryOverload(Logger logger, String level) {
        switch (level) {
            case "trace":
                logger.trace("plain {}");
                logger.trace("one {}", "a");
                logger.trace("two {} {}", "a", "b");
                logger.trace("three {} {} {}", "a", "b", "c");
                logger.trace("thrown", BOOM);
                logger.trace(MARKER, "plain {}");
                logger.trace(MARKER, "one {}", "a");
                logger.trace(MARKER, "two {} {}", "a", "b");
                logger.trace(MARKER, "three {} {} {}", "a", "b", "c");
                logger.trace(MARKER, "thrown", BOOM);
                return;
            case "debug":
                logger.debug("plain {}");
                logger.debug("one {}", "a");
                logger.debug("two {} {}", "a", "b");
                logger.debug("three {} {} {}", "a", "b", "c");
                logger.debug("thrown", BOOM);
                logger.debug(MARKER, "plain {}");
                logger.debug(MARKER, "one {}", "a");
                logger.debug(MARKER, "two {} {}", "a", "b");
                logger.debug(MARKER, "three {} {} {}", "a", "b", "c");
                logger.debug(MARKER, "thrown", BOOM);
                return;
            case "info":
                logger.info("plain {}");
                logger.info("one {}", "a");
                logger.info("two {} {}", "a", "b");
                logger.info("three {} {} {}", "a", "b", "c");
                logger.info("thrown", BOOM);
                logger.info(MARKER, "plain {}");
                logger.info(MARKER, "one {}", "a");
                logger.info(MARKER, "two {} {}", "a", "b");
                logger.info(MARKER, "three {} {} {}", "a", "b", "c");
                logger.info(MARKER, "thrown", BOOM);
                return;
            case "warn":
                logger.warn("plain {}");
                logger.warn("one {}", "a");
                logger.warn("two {} {}", "a", "b");
                logger.warn("three {} {} {}", "a", "b", "c");
                logger.warn("thrown", BOOM);
                logger.warn(MARKER, "plain {}");
                logger.warn(MARKER, "one {}", "a");
                logger.warn(MARKER, "two {} {}", "a", "b");
                logger.warn(MARKER, "three {} {} {}", "a", "b", "c");
                logger.warn(MARKER, "thrown", BOOM);
                return;
            case "error":
                logger.error("plain {}");
                logger.error("one {}", "a");
                logger.error("two {} {}", "a", "b");
                logger.error("three {} {} {}", "a", "b", "c");
                logger.error("thrown", BOOM);
                logger.error(MARKER, "plain {}");
                logger.error(MARKER, "one {}", "a");
                logger.error(MARKER, "two {} {}", "a", "b");
                logger.error(MARKER, "three {} {} {}", "a", "b", "c");
                logger.error(MARKER, "thrown", BOOM);
                return;
            default:
                throw new IllegalArgumentException(level);
        }
    }
}
