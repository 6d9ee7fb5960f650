package dev.ringtail.internal.spool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes that fail for lack of room: a file-size limit ({@code ulimit -f}, which needs no root,
 * unlike a tiny file system) makes a write fail part way, as a full disk does. The append says
 * false and reports it, nothing throws, the spool goes on with the next record, and what the
 * failed write left behind is never read back.
 */
@EnabledOnOs(OS.LINUX)
class FileSizeLimitTest {
    private static final int LIMIT_KIB = 100;

    @TempDir
    Path dir;

    @Test
    void aWriteCutShortByTheFileSizeLimitFailsAloneAndLeavesNothingTorn() throws Exception {
        List<String> lines;
        try (ChildJvm child = ChildJvm.startUnderShell("ulimit -f " + LIMIT_KIB, SpoolUnderFileSizeLimit.class,
                dir.toString(),
                "1:40000", "2:40000", // 80 KB in the first segment
                "3:40000", // past 100 KiB: cut short by the limit
                "4:1000", "5:40000", // a new segment, with room again
                "6:150000", // larger than any file may be
                "7:150000", // the same in a fresh segment: it stays empty, and is used by the next
                "8:1000")) {
            lines = child.readAll(Duration.ofSeconds(60));
            assertThat(child.exitValue(Duration.ofSeconds(60))).as(String.join("\n", lines)).isZero();
        }
        assertThat(lines).as("nothing thrown").noneMatch(l -> l.startsWith("threw"));
        assertThat(lines).startsWith("append 1 true reports 0", "append 2 true reports 0",
                "append 3 false reports 1", "append 4 true reports 0", "append 5 true reports 0",
                "append 6 false reports 1", "append 7 false reports 1", "append 8 true reports 0");
        assertThat(lines).filteredOn(l -> l.startsWith("ioFailed")).hasSize(3).allMatch(l -> l.contains("File too large"));
        assertThat(lines).endsWith("closed");

        long segmentBytes = 0;
        for (Path segment : Payloads.segments(dir)) {
            assertThat(Files.size(segment)).as(segment.toString()).isLessThanOrEqualTo(LIMIT_KIB * 1024L);
            segmentBytes += Files.size(segment);
        }
        assertThat(lines).contains("bytes " + segmentBytes, "events " + List.of(1, 2, 4, 5, 8).stream()
                .mapToLong(Payloads::events).sum());

        Recorder recorder = new Recorder();
        try (Spool spool = Spool.open(dir, 8L * 1024 * 1024, recorder)) {
            List<Integer> read = new ArrayList<>();
            for (Spool.Record record = spool.peek(); record != null && read.size() < 10; record = spool.peek()) {
                read.add(Payloads.numberOf(record));
                spool.remove(record);
            }
            assertThat(read).containsExactly(1, 2, 4, 5, 8);
        }
        assertThat(recorder.torn()).as("every failed write was cut back").isEmpty();
        assertThat(recorder.failures()).isEmpty();
    }
}
