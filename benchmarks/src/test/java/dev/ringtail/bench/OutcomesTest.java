package dev.ringtail.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutcomesTest {
    @TempDir
    Path dir;

    @Test
    void whatIsAppendedReadsBackUnderTheKeyTheGeneratorBuilds() throws Exception {
        Path file = dir.resolve("outcomes.tsv");
        String key = Outcomes.key("dev.ringtail.bench.RingtailSlf4jBenchmark.oneThread", "sample", 1,
                Map.of("context", "none", "args", "1"));

        Outcomes.append(file, key, new Outcomes.Counts(750, 250));

        assertThat(key).isEqualTo("dev.ringtail.bench.RingtailSlf4jBenchmark.oneThread\tsample\t1\targs=1;context=none;");
        assertThat(Outcomes.read(file)).containsOnlyKeys(key);
        assertThat(Outcomes.read(file).get(key)).isEqualTo(new Outcomes.Counts(750, 250));
        assertThat(Outcomes.read(file).get(key).acceptedShare()).isEqualTo(0.75);
    }

    @Test
    void repeatedTrialsOfOneKeyAddUp() throws Exception {
        Path file = dir.resolve("o.tsv");
        Files.writeString(file, "b\tsample\t1\t\t10\t5\nb\tsample\t1\t\t1\t0\n", StandardCharsets.UTF_8);

        assertThat(Outcomes.read(file).get("b\tsample\t1\t")).isEqualTo(new Outcomes.Counts(11, 5));
    }

    @Test
    void aMissingFileIsNoOutcomesAndAForeignLineIsSkipped() throws Exception {
        Path file = dir.resolve("o.tsv");
        assertThat(Outcomes.read(file)).isEmpty();

        Files.writeString(file, "not an outcome\nb\tsample\t1\t\t3\t1\n", StandardCharsets.UTF_8);

        assertThat(Outcomes.read(file)).containsOnlyKeys("b\tsample\t1\t");
    }
}
