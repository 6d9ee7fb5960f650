package dev.ringtail.bench;

import dev.ringtail.internal.event.EventView;
import dev.ringtail.internal.ring.LogEvent;
import dev.ringtail.internal.sink.Sink;
import dev.ringtail.internal.stats.SinkCounters;

/** Consumes and forgets: the consumer keeps up, so producers measure the publish path only. */
final class NoOpSink implements Sink {
    private final SinkCounters counters = new SinkCounters("noop");

    @Override
    public String name() {
        return "noop";
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
