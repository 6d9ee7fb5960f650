package dev.ringtail.bench.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReportTest {
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final Report report = new Report(new PrintStream(captured, true, StandardCharsets.UTF_8));

    @Test
    void anUnpacedRunIsJudgedEndToEndAndHasNoBurstLine() {
        report.goals(latencies(90, 800, 15_000), 650_000, 0, 50, 0, 0);

        assertThat(text()).containsPattern("  p50 <= 100 ns +90 ns +met\n")
                .containsPattern("  p99 <= 1000 ns +800 ns +met\n")
                .containsPattern("  p99.9 <= 20.0 us +15.0 us +met\n")
                .containsPattern("  end to end >= 600,000 events/s +650,000 +met\n")
                .doesNotContain("no drops in bursts");
    }

    @Test
    void burstsAtTheGoalsLoadThatDropAreMissedAndEndToEndIsNotJudgedBelowTheGoalsRate() {
        report.goals(latencies(260, 1_500, 30_000), 256_000, 300_000, 1_000, 325_986, 106_013);

        assertThat(text()).containsPattern("  p50 <= 100 ns +260 ns +missed\n")
                .containsPattern("  p99 <= 1000 ns +1500 ns +missed\n")
                .containsPattern("  p99.9 <= 20.0 us +30.0 us +missed\n")
                .containsPattern("  end to end >= 600,000 events/s +256,000 +n/a: paced at 300,000 events/s,"
                        + " below the goal\n")
                .containsPattern("  no drops in bursts +325,986 dropped +missed, 106,013 failed\n");
    }

    @Test
    void theFloorIsARowAndRingtailAMultipleOfIt() {
        report.latencies(latencies(250, 1_000, 16_000), new FloorRun.Result(latencies(50, 200, 4_000), 7),
                new Latencies.Summary(new long[0]), 25);

        assertThat(text()).containsPattern("  floor \\(Disruptor publish\\) +50 ns +200 ns +4000 ns\n")
                .containsPattern("  ringtail / floor +5.0x +5.0x +4.0x\n")
                .contains("(7 of the floor's calls found its ring full: those timed a refusal)")
                .doesNotContain("synchronous POST");
    }

    private String text() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    /** 1,000 calls whose p50, p99 and p99.9 are the given nanoseconds. */
    private static Latencies.Summary latencies(long p50, long p99, long p999) {
        long[] sorted = new long[1_000];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = i < 500 ? p50 : i < 990 ? p99 : p999;
        }
        return new Latencies.Summary(sorted);
    }
}
