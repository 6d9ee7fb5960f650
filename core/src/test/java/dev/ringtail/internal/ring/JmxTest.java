package dev.ringtail.internal.ring;

import static dev.ringtail.testing.Events.log;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.DropReason;
import dev.ringtail.Level;
import dev.ringtail.PipelineStats;
import dev.ringtail.SinkStats;
import dev.ringtail.testing.CollectingSink;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class JmxTest {
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @Test
    void jmxAttributesEqualTheStatsApi() throws Exception {
        CollectingSink sink = new CollectingSink("console").failEvery(5);
        Pipeline pipeline = Pipeline.builder().ringSize(100).sink(sink).build();
        for (int i = 0; i < 150; i++) {
            log(pipeline, Level.ofOrdinal(i % 5), "jmx " + i); // not started: 100 fit, the rest drop
        }
        pipeline.start();
        assertThat(pipeline.flush(Duration.ofSeconds(10))).isTrue();

        PipelineStats stats = pipeline.stats();
        ObjectName name = new ObjectName("dev.ringtail:type=Pipeline");
        assertThat(attribute(name, "Attempted")).isEqualTo(stats.attempted()).isEqualTo(150);
        assertThat(attribute(name, "Accepted")).isEqualTo(stats.accepted());
        assertThat(attribute(name, "Dropped")).isEqualTo(stats.dropped()).isPositive();
        assertThat(attribute(name, "Pending")).isEqualTo(stats.pending());
        assertThat(attribute(name, "RingSize")).isEqualTo(100);
        assertThat(attribute(name, "DroppedTrace")).isEqualTo(stats.dropped(Level.TRACE));
        assertThat(attribute(name, "DroppedDebug")).isEqualTo(stats.dropped(Level.DEBUG));
        assertThat(attribute(name, "DroppedInfo")).isEqualTo(stats.dropped(Level.INFO));
        assertThat(attribute(name, "DroppedWarn")).isEqualTo(stats.dropped(Level.WARN));
        assertThat(attribute(name, "DroppedError")).isEqualTo(stats.dropped(Level.ERROR));
        assertThat(attribute(name, "DroppedRingFull")).isEqualTo(stats.dropped(DropReason.RING_FULL)).isPositive();
        assertThat(attribute(name, "DroppedReserve")).isEqualTo(stats.dropped(DropReason.RESERVE));
        assertThat(attribute(name, "DroppedMemory")).isEqualTo(stats.dropped(DropReason.MEMORY));
        assertThat(attribute(name, "DroppedReentrant")).isEqualTo(stats.dropped(DropReason.REENTRANT));
        assertThat(attribute(name, "DroppedAfterShutdown")).isEqualTo(stats.dropped(DropReason.AFTER_SHUTDOWN));
        assertThat(attribute(name, "DroppedFillFailed")).isEqualTo(stats.dropped(DropReason.FILL_FAILED));

        SinkStats sinkStats = stats.sink("console").orElseThrow();
        ObjectName sinkName = new ObjectName("dev.ringtail:type=Sink,name=console");
        assertThat(attribute(sinkName, "Delivered")).isEqualTo(sinkStats.delivered()).isPositive();
        assertThat(attribute(sinkName, "Failed")).isEqualTo(sinkStats.failed()).isPositive();
        assertThat(attribute(sinkName, "Retried")).isEqualTo(sinkStats.retried());
        assertThat(attribute(sinkName, "Batches")).isEqualTo(sinkStats.batches());
        assertThat(attribute(sinkName, "Bytes")).isEqualTo(sinkStats.bytes());

        pipeline.shutdown(Duration.ofSeconds(5));
        assertThat(server.isRegistered(name)).as("unregistered at shutdown").isFalse();
        assertThat(server.isRegistered(sinkName)).isFalse();
    }

    private long attribute(ObjectName name, String attribute) throws Exception {
        return (Long) server.getAttribute(name, attribute);
    }
}
