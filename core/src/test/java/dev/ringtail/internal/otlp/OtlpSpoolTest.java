package dev.ringtail.internal.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.Level;
import dev.ringtail.SinkStats;
import dev.ringtail.testing.Events;
import dev.ringtail.testing.MemorySpool;
import dev.ringtail.testing.OtlpFormat;
import dev.ringtail.testing.Waiting;
import io.opentelemetry.proto.logs.v1.LogRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The OTLP sink spools on the same machinery: records kept with their logger names are framed
 * again at replay, one scope per logger, in either encoding; a spool written in one encoding is
 * never sent in the other.
 */
@Timeout(60)
class OtlpSpoolTest {
    private static final Path DIR = Path.of("spool-parent");

    @ParameterizedTest
    @EnumSource(OtlpEncoding.class)
    void recordsSpooledWhileTheCollectorIsDownAreReplayedInOrderGroupedByLogger(OtlpEncoding encoding) throws Exception {
        MemorySpool.Disk disk = new MemorySpool.Disk();
        try (OtlpFixture f = OtlpFixture.start(encoding, b -> b.maxEvents(20).spool(DIR, 1L << 20).spoolOpener(disk::open))) {
            f.server.down();
            for (int i = 0; i < 100; i++) {
                Events.log(f.pipeline, i % 2 == 0 ? Level.INFO : Level.ERROR, i % 3 == 0 ? "shop.cart" : "shop.pay", "r-" + i);
            }
            assertThat(f.flush()).isTrue();
            assertThat(f.stats().spooled()).isEqualTo(100);
            assertThat(disk.opened()).containsExactly(DIR.resolve("otlp"));

            f.server.up();
            Waiting.atMost(Duration.ofSeconds(30)).until(() -> f.stats().delivered() == 100);
            List<LogRecord> records = OtlpFormat.records(f.server);
            assertThat(records).hasSize(100);
            SinkStats stats = f.stats();
            assertThat(stats.delivered(Level.ERROR)).isEqualTo(50);
            assertThat(stats.spooled()).isZero();
            assertThat(stats.failed()).isZero();
            assertThat(f.server.problems()).isEmpty();
        }
    }

    @Test
    void aSpoolWrittenInProtobufIsNotSentAsJsonItsEventsAreCountedFailed() throws Exception {
        MemorySpool.Disk disk = new MemorySpool.Disk();
        try (OtlpFixture f = OtlpFixture.start(OtlpEncoding.PROTOBUF, b -> b.maxEvents(10).spool(DIR, 1L << 20)
                .spoolOpener(disk::open))) {
            f.server.down();
            f.logMany(20, "protobuf");
            f.pipeline.shutdown(Duration.ofSeconds(5));
        }
        try (OtlpFixture f = OtlpFixture.start(OtlpEncoding.JSON, b -> b.maxEvents(10).spool(DIR, 1L << 20)
                .spoolOpener(disk::open))) {
            Waiting.atMost(Duration.ofSeconds(10)).until(() -> f.stats().failed() == 20);
            assertThat(f.stats().spooled()).isZero();
            assertThat(f.stats().replayed()).isZero();
            assertThat(f.server.requests()).isEmpty();
            assertThat(f.stderr.text()).contains("a record of another format (otlp application/x-protobuf), not otlp"
                    + " application/json");
        }
    }
}
