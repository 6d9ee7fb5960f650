package dev.ringtail.internal.ring;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** Looks up the VarHandles this package's classes use on their own fields. */
final class VarHandles {
    private VarHandles() {
    }

    /** @param lookup the owner's own lookup, which may see its private fields */
    static VarHandle of(MethodHandles.Lookup lookup, String field, Class<?> type) {
        try {
            return lookup.findVarHandle(lookup.lookupClass(), field, type);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
