package dev.ringtail.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoSummaryTest {
    @TempDir
    Path dir;

    @Test
    void whatIsWrittenIsOneKeyAndValueALineAndReadsBack() throws Exception {
        Path file = dir.resolve("sub/burst.tsv");

        new DemoSummary().put(DemoSummary.RATE, 300_000).put(DemoSummary.DROPPED, 12).write(file);

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("rate\t300000\ndropped\t12\n");
        DemoSummary read = DemoSummary.read(file).orElseThrow();
        assertThat(read.get(DemoSummary.RATE)).hasValue(300_000);
        assertThat(read.get(DemoSummary.DROPPED)).hasValue(12);
        assertThat(read.get(DemoSummary.FAILED)).isEqualTo(OptionalLong.empty());
    }

    @Test
    void aMissingFileIsNoSummaryAndAForeignLineIsSkipped() throws Exception {
        Path file = dir.resolve("burst.tsv");
        assertThat(DemoSummary.read(file)).isEmpty();

        Files.writeString(file, "a note\nrate\tfast\nburst\t1000\n", StandardCharsets.UTF_8);

        DemoSummary read = DemoSummary.read(file).orElseThrow();
        assertThat(read.get(DemoSummary.RATE)).isEmpty();
        assertThat(read.get(DemoSummary.BURST)).hasValue(1000);
    }
}
