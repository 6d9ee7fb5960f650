package dev.ringtail.internal.ring;

import dev.ringtail.DropReason;
import dev.ringtail.Level;
import dev.ringtail.PipelineMXBean;
import dev.ringtail.SinkMXBean;
import dev.ringtail.SpoolStats;
import dev.ringtail.SpoolingSinkMXBean;
import dev.ringtail.internal.diag.Diagnostics;
import dev.ringtail.internal.sink.Sink;
import dev.ringtail.internal.stats.SinkCounters;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The pipeline's MBeans on the platform server. A name already taken (a second pipeline in the
 * same JVM) is reported once on stderr and skipped: monitoring must never stop logging.
 */
final class JmxRegistration {
    static final String PIPELINE_NAME = "dev.ringtail:type=Pipeline";
    static final String SINK_NAME_PREFIX = "dev.ringtail:type=Sink,name=";

    private final MBeanServer server;
    private final List<ObjectName> names;

    private JmxRegistration(MBeanServer server, List<ObjectName> names) {
        this.server = server;
        this.names = names;
    }

    /** @param others further MBeans by object name, registered and unregistered with the pipeline's */
    static JmxRegistration register(Pipeline pipeline, Map<String, Object> others, Diagnostics diagnostics) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        List<ObjectName> names = new ArrayList<>();
        tryRegister(server, new PipelineBean(pipeline), PIPELINE_NAME, names, diagnostics);
        for (Sink sink : pipeline.sinks()) {
            // the spool's attributes only where there is a spool: the MXBean interface decides what JMX lists
            SinkCounters counters = sink.counters();
            Object bean = counters.hasSpool() ? new SpoolingSinkBean(counters) : new SinkBean(counters);
            tryRegister(server, bean, SINK_NAME_PREFIX + quoteIfNeeded(sink.name()), names, diagnostics);
        }
        for (Map.Entry<String, Object> other : others.entrySet()) {
            tryRegister(server, other.getValue(), other.getKey(), names, diagnostics);
        }
        return new JmxRegistration(server, names);
    }

    private static void tryRegister(MBeanServer server, Object bean, String name, List<ObjectName> names,
                                    Diagnostics diagnostics) {
        try {
            ObjectName objectName = new ObjectName(name);
            server.registerMBean(bean, objectName);
            names.add(objectName);
        } catch (Exception e) {
            diagnostics.once("jmx:" + name, "MBean " + name + " not registered: " + e);
        }
    }

    private static String quoteIfNeeded(String value) {
        return value.matches("[A-Za-z0-9_.\\-]+") ? value : ObjectName.quote(value);
    }

    void unregister() {
        for (ObjectName name : names) {
            try {
                server.unregisterMBean(name);
            } catch (Exception ignored) {
                // already gone: nothing to undo
            }
        }
        names.clear();
    }

    private static final class PipelineBean implements PipelineMXBean {
        private final Pipeline pipeline;

        PipelineBean(Pipeline pipeline) {
            this.pipeline = pipeline;
        }

        @Override
        public long getAttempted() {
            return pipeline.stats().attempted();
        }

        @Override
        public long getAccepted() {
            return pipeline.stats().accepted();
        }

        @Override
        public long getDropped() {
            return pipeline.stats().dropped();
        }

        @Override
        public long getPending() {
            return pipeline.pending();
        }

        @Override
        public long getRingSize() {
            return pipeline.ringSize();
        }

        @Override
        public long getDroppedTrace() {
            return pipeline.stats().dropped(Level.TRACE);
        }

        @Override
        public long getDroppedDebug() {
            return pipeline.stats().dropped(Level.DEBUG);
        }

        @Override
        public long getDroppedInfo() {
            return pipeline.stats().dropped(Level.INFO);
        }

        @Override
        public long getDroppedWarn() {
            return pipeline.stats().dropped(Level.WARN);
        }

        @Override
        public long getDroppedError() {
            return pipeline.stats().dropped(Level.ERROR);
        }

        @Override
        public long getDroppedRingFull() {
            return pipeline.stats().dropped(DropReason.RING_FULL);
        }

        @Override
        public long getDroppedReserve() {
            return pipeline.stats().dropped(DropReason.RESERVE);
        }

        @Override
        public long getDroppedMemory() {
            return pipeline.stats().dropped(DropReason.MEMORY);
        }

        @Override
        public long getDroppedReentrant() {
            return pipeline.stats().dropped(DropReason.REENTRANT);
        }

        @Override
        public long getDroppedAfterShutdown() {
            return pipeline.stats().dropped(DropReason.AFTER_SHUTDOWN);
        }

        @Override
        public long getDroppedFillFailed() {
            return pipeline.stats().dropped(DropReason.FILL_FAILED);
        }
    }

    private static class SinkBean implements SinkMXBean {
        final SinkCounters counters;

        SinkBean(SinkCounters counters) {
            this.counters = counters;
        }

        @Override
        public long getDelivered() {
            return counters.snapshot().delivered();
        }

        @Override
        public long getFailed() {
            return counters.snapshot().failed();
        }

        @Override
        public long getRetried() {
            return counters.snapshot().retried();
        }

        @Override
        public long getBatches() {
            return counters.snapshot().batches();
        }

        @Override
        public long getBytes() {
            return counters.snapshot().bytes();
        }
    }

    /** An HTTP sink with a disk spool: every sink's attributes and the spool's. */
    private static final class SpoolingSinkBean extends SinkBean implements SpoolingSinkMXBean {
        SpoolingSinkBean(SinkCounters counters) {
            super(counters);
        }

        @Override
        public long getSpooled() {
            return counters.snapshot().spooled();
        }

        @Override
        public long getSpoolBytes() {
            return spool().bytes();
        }

        @Override
        public long getReplayed() {
            return counters.snapshot().replayed();
        }

        @Override
        public long getSpoolFound() {
            return spool().found();
        }

        private SpoolStats spool() {
            return counters.snapshot().spool().orElseThrow();
        }
    }
}
