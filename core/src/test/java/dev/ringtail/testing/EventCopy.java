package dev.ringtail.testing;

import dev.ringtail.internal.event.EventView;
import dev.ringtail.internal.ring.LogEvent;
import java.math.BigDecimal;

/** Copies what a sink was shown into a standalone event the test can keep. */
public final class EventCopy {
    private EventCopy() {
    }

    public static LogEvent of(EventView view) {
        LogEvent copy = LogEvent.standalone(Integer.MAX_VALUE, view.level(), view.loggerName(), view.threadName(),
                view.epochSecond(), view.nanoOfSecond());
        copy.synthetic(view.isSynthetic()).throwable(view.throwable()).mdc(view.mdc()).message(view.message());
        for (int i = 0; i < view.markerCount(); i++) {
            copy.addMarker(view.marker(i));
        }
        for (int i = 0; i < view.keyValueCount(); i++) {
            copy.addKeyValue(view.key(i), value(view, i));
        }
        return copy;
    }

    // The value as an object that the copy captures as the same type.
    private static Object value(EventView view, int i) {
        switch (view.valueType(i)) {
            case NULL:
                return null;
            case BOOLEAN:
                return view.booleanValue(i);
            case LONG:
                return view.longValue(i);
            case DOUBLE:
                return view.doubleValue(i);
            case DECIMAL:
                return new BigDecimal(view.textValue(i));
            default:
                return view.textValue(i);
        }
    }
}
