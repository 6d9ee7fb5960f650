package dev.ringtail.bench;

import dev.ringtail.internal.event.EventView;
import dev.ringtail.internal.sink.Sink;
import dev.ringtail.internal.stats.SinkCounters;

/** Consumes and forgets: the consumer keeps up, so producers measure the publish path only. */
class NoOpSink implements Sink {
    private final String name;
    private final SinkCounters counters;

    NoOpSink() {
        this("noop");
    }

    /** For a sink that does nothing with its events but something else when it gets one. */
    NoOpSink(String name) {
        this.name = name;
        this.counters = new SinkCounters(name);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SinkCounters counters() {
        return counters;
    }

    @Override
    public void onEvent(EventView event) {
        // nothing: delivery cost is not what the enqueue benchmarks measure
    }
}
