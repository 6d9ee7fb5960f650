package dev.ringtail.slf4j;

import dev.ringtail.internal.event.EventView;
import dev.ringtail.internal.ring.LogEvent;
import dev.ringtail.internal.sink.Sink;
import dev.ringtail.internal.stats.SinkCounters;
import dev.ringtail.testing.EventCopy;
import java.util.ArrayList;
import java.util.List;

/** Keeps a copy of every event it is handed, so tests can assert every field. */
final class CapturingSink implements Sink {
    private final SinkCounters counters = new SinkCounters("capture");
    private final List<LogEvent> events = new ArrayList<>();
    private final List<LogEvent> synthetic = new ArrayList<>();

    @Override
    public String name() {
        return counters.name();
    }

    @Override
    public SinkCounters counters() {
        return counters;
    }

    @Override
    public void onEvent(EventView event) {
        LogEvent copy = EventCopy.of(event);
        synchronized (this) {
            (event.isSynthetic() ? synthetic : events).add(copy);
        }
        if (!event.isSynthetic()) {
            counters.delivered(event.level(), 1);
        }
    }

    synchronized List<LogEvent> events() {
        return new ArrayList<>(events);
    }

    synchronized LogEvent last() {
        return events.get(events.size() - 1);
    }
}
