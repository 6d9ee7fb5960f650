package dev.ringtail.bench.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DemoTest {

    @Test
    void smallDemoDeliversEveryAcceptedEventAndReportsBothLatencies() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);

        int exit = Demo.run(new String[] {"--events", "3000", "--threads", "2", "--rate", "0", "--sync-events", "20"},
                out, false);

        String report = captured.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(report).isZero();
        assertThat(report).contains("3,000 events from 2 threads (unpaced)", "ringtail", "synchronous POST",
                "ratio (sync / ringtail)", "accepted 3,000, dropped 0", "delivered 3,000 (2xx), failed 0",
                "the receiver counted 3,000", "sync POST  20 events", "delivered 20, failed 0");
    }

    @Test
    void badFlagPrintsUsageAndExitsWithTwo() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();

        int exit = Demo.run(new String[] {"--threads", "zero"},
                new PrintStream(captured, true, StandardCharsets.UTF_8), false);

        assertThat(exit).isEqualTo(2);
        assertThat(captured.toString(StandardCharsets.UTF_8))
                .contains("--threads needs a whole number >= 1, got 'zero'", "usage:");
    }

    @Test
    void burstSetsHowManyEventsAThreadLogsBackToBackAndMustBePositive() {
        assertThat(DemoOptions.parse().burst).isEqualTo(DemoOptions.DEFAULT_BURST);
        assertThat(DemoOptions.parse("--rate", "300000", "--burst", "1,000").burst).isEqualTo(1_000);
        assertThatThrownBy(() -> DemoOptions.parse("--burst", "0"))
                .hasMessage("--burst needs a whole number >= 1, got '0'");
    }

    @Test
    void threadSharesAddUpToTheTotal() {
        assertThat(Demo.share(10, 3, 0) + Demo.share(10, 3, 1) + Demo.share(10, 3, 2)).isEqualTo(10);
        assertThat(Demo.share(2, 4, 3)).isZero();
    }
}
