package dev.ringtail.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.Level;
import dev.ringtail.SinkStats;
import dev.ringtail.internal.ring.Pipeline;
import dev.ringtail.testing.CapturedOutput;
import dev.ringtail.testing.Events;
import dev.ringtail.testing.IngestServer;
import dev.ringtail.testing.MemorySpool;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code Spooled}, {@code SpoolBytes}, {@code Replayed} (and {@code SpoolFound}) appear in JMX for a sink with a spool, only there. */
@Timeout(30)
class SpoolJmxTest {
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @Test
    void aSinkWithASpoolShowsItsSpoolInJmxAndOneWithoutDoesNot() throws Exception {
        MemorySpool.Disk disk = new MemorySpool.Disk();
        CapturedOutput stderr = new CapturedOutput();
        try (IngestServer down = IngestServer.start()) {
            down.down();
            BetterStackSink spooling = BetterStackSink.builder().endpoint(down.uri()).token("jmx-token-0123456789")
                    .maxEvents(10).flush(Duration.ofMillis(50)).spool(SpoolOutageTest.DIR, 1L << 20)
                    .spoolOpener(disk::open).diagnostics(stderr.diagnostics()).build();
            Pipeline pipeline = Pipeline.builder().diagnostics(stderr.diagnostics()).sink(spooling).build().start();
            try {
                for (int i = 0; i < 30; i++) {
                    Events.log(pipeline, Level.WARN, "jmx " + i);
                }
                assertThat(pipeline.flush(Duration.ofSeconds(10))).isTrue();
                SinkStats stats = spooling.counters().snapshot();
                ObjectName name = new ObjectName("dev.ringtail:type=Sink,name=betterstack");
                assertThat(attributes(name)).contains("Delivered", "Failed", "Retried", "Batches", "Bytes",
                        "Spooled", "SpoolBytes", "Replayed", "SpoolFound");
                assertThat(attribute(name, "Spooled")).isEqualTo(stats.spooled()).isEqualTo(30);
                assertThat(attribute(name, "SpoolBytes")).isEqualTo(stats.spool().orElseThrow().bytes()).isPositive();
                assertThat(attribute(name, "Replayed")).isZero();
                assertThat(attribute(name, "SpoolFound")).isZero();
                assertThat(attribute(name, "Failed")).isZero();
            } finally {
                pipeline.shutdown(Duration.ofSeconds(5));
            }

            BetterStackSink plain = BetterStackSink.builder().endpoint(down.uri()).token("jmx-token-0123456789")
                    .diagnostics(stderr.diagnostics()).build();
            Pipeline without = Pipeline.builder().diagnostics(stderr.diagnostics()).sink(plain).build().start();
            try {
                assertThat(attributes(new ObjectName("dev.ringtail:type=Sink,name=betterstack")))
                        .containsExactlyInAnyOrder("Delivered", "Failed", "Retried", "Batches", "Bytes");
            } finally {
                without.shutdown(Duration.ofSeconds(5));
            }
        }
    }

    private String[] attributes(ObjectName name) throws Exception {
        return Arrays.stream(server.getMBeanInfo(name).getAttributes()).map(MBeanAttributeInfo::getName)
                .toArray(String[]::new);
    }

    private long attribute(ObjectName name, String attribute) throws Exception {
        return (Long) server.getAttribute(name, attribute);
    }
}
