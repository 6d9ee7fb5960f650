package dev.ringtail.slf4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.ringtail.DropReason;
import dev.ringtail.internal.ring.LogEvent;
import dev.ringtail.testing.CollectingSink;
import java.util.function.Supplier;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * The fluent API reuses one builder per thread: these are the ways a reused builder could leak
 * one call's arguments into another, or let user code throw into the application.
 */
class FluentBuilderReuseTest {
    private final CollectingSink sink = new CollectingSink();
    private final TestLoggers loggers = new TestLoggers(sink, "ringtail.level", "debug");
    private final Logger logger = loggers.logger("shop.checkout");

    @AfterEach
    void tearDown() {
        loggers.close();
    }

    @Test
    void aThreadGetsItsBuilderBackAfterEachCall() {
        LoggingEventBuilder first = logger.atInfo();
        first.addKeyValue("order_id", 42L).log("paid");
        LoggingEventBuilder second = logger.atWarn();
        second.log("late");

        assertThat(second).isSameAs(first);
        loggers.flush();
        assertThat(sink.messages()).containsExactly("paid", "late");
        assertThat(sink.events().get(1).keyValueCount()).isZero();
        assertThat(sink.events().get(1).level()).isEqualTo(dev.ringtail.Level.WARN);
    }

    @Test
    void interleavedBuildersKeepTheirOwnLevelsAndPairs() {
        LoggingEventBuilder outer = logger.atInfo().addKeyValue("a", 1L);
        LoggingEventBuilder inner = logger.atError().addKeyValue("b", 2L);
        inner.log("inner");
        outer.log("outer");

        assertThat(inner).isNotSameAs(outer);
        loggers.flush();
        LogEvent innerEvent = sink.events().get(0);
        LogEvent outerEvent = sink.events().get(1);
        assertThat(innerEvent.message().toString()).isEqualTo("inner");
        assertThat(innerEvent.level()).isEqualTo(dev.ringtail.Level.ERROR);
        assertThat(innerEvent.key(0)).isEqualTo("b");
        assertThat(innerEvent.keyValueCount()).isEqualTo(1);
        assertThat(outerEvent.message().toString()).isEqualTo("outer");
        assertThat(outerEvent.level()).isEqualTo(dev.ringtail.Level.INFO);
        assertThat(outerEvent.key(0)).isEqualTo("a");
        assertThat(outerEvent.keyValueCount()).isEqualTo(1);
    }

    @Test
    void anArgumentWhoseToStringLogsFluentlyLeavesTheOuterEventWhole() {
        Object loggingArgument = new Object() {
            @Override
            public String toString() {
                logger.atInfo().addKeyValue("nested", true).log("from toString");
                return "42";
            }
        };
        logger.atInfo().addKeyValue("order_id", 7L).log("order {}", loggingArgument);

        loggers.flush();
        assertThat(sink.messages()).containsExactly("order 42");
        assertThat(sink.last().key(0)).isEqualTo("order_id");
        assertThat(sink.last().keyValueCount()).isEqualTo(1);
        assertThat(loggers.pipeline.stats().dropped(DropReason.REENTRANT)).isEqualTo(1);
    }

    @Test
    void aThrowingSupplierDropsItsEventCountedAndNeverThrowsIntoTheCaller() {
        Supplier<Object> broken = () -> {
            throw new IllegalStateException("supplier failed");
        };
        assertThatCode(() -> logger.atInfo().addKeyValue("k", broken).log("lost")).doesNotThrowAnyException();
        logger.atInfo().addArgument(() -> "next").log("{} one");

        loggers.flush();
        assertThat(sink.messages()).containsExactly("next one");
        assertThat(loggers.pipeline.stats().dropped(DropReason.FILL_FAILED)).isEqualTo(1);
    }

    @Test
    void suppliersAreCalledOnlyForEnabledEvents() {
        int[] calls = new int[1];
        Supplier<Object> counted = () -> ++calls[0];
        logger.atTrace().addKeyValue("k", counted).addArgument(counted).log("{}");
        logger.atDebug().addKeyValue("k", counted).addArgument(counted).log("{}");

        loggers.flush();
        assertThat(calls[0]).isEqualTo(2);
        assertThat(sink.messages()).containsExactly("2");
        assertThat(sink.last().longValue(0)).isEqualTo(1);
    }

    @Test
    void aBuilderMadeDirectlyForADisabledLevelLogsNothing() {
        assertThatCode(() -> ((RingtailLogger) logger).makeLoggingEventBuilder(org.slf4j.event.Level.TRACE).log("no"))
                .doesNotThrowAnyException();
        logger.atInfo().log("yes");

        loggers.flush();
        assertThat(sink.messages()).containsExactly("yes");
    }

    @Test
    void aBuilderGivenBackReferencesNothingTheCallPassed() {
        logger.atInfo().addKeyValue("big", new byte[1 << 20]).addArgument(new Object()).log("{}");
        LoggingEventBuilder reused = logger.atInfo();

        assertThat(reused).hasAllNullFieldsOrPropertiesExcept("level", "logger", "taken", "markers", "args",
                "argSupplied", "keys", "values", "valueSupplied", "markerCount", "argCount", "pairCount");
        assertThat(reused).extracting("values").asInstanceOf(InstanceOfAssertFactories.ARRAY).containsOnlyNulls();
        assertThat(reused).extracting("args").asInstanceOf(InstanceOfAssertFactories.ARRAY).containsOnlyNulls();
        reused.log("done");
    }
}
