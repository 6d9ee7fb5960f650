package dev.ringtail.internal.spool;

/** Another owner holds the spool directory's lock. */
public final class SpoolLockedException extends Exception {
    private static final long serialVersionUID = 1L;

    public SpoolLockedException(String message) {
        super(message);
    }
}
