import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.slf4j.LoggerFactory;

/**
 * A slf4j-api-only application with a legacy part that logs through java.util.logging. The
 * integration tests compile it at test time and run it with slf4j-api and ringtail's all jar.
 *
 * Modes: "bridge" logs through JUL at every level, counts what passes JUL's own level check
 * (a handler of its own beside ringtail's bridge), changes ringtail's levels at run time and
 * checks JUL follows, and logs through JUL from inside a toString() that ringtail is formatting.
 * "plain" logs through JUL once and prints the root logger's handlers (ringtail.jul=false).
 * Lines starting "APP " are the application's own; ringtail's API is reached by reflection.
 */
public class JulApp {
    public static void main(String[] args) throws Exception {
        Logger legacy = Logger.getLogger("shop.jul.Legacy");
        LoggerFactory.getLogger("app").info("started"); // ringtail starts, and with it the bridge
        Logger root = Logger.getLogger("");
        System.out.println("APP root handlers " + handlers(root));
        if (args[0].equals("plain")) {
            legacy.info("plain jul record");
            return;
        }
        Counting counting = new Counting();
        root.addHandler(counting);
        System.out.println("APP root level " + root.getLevel());

        legacy.severe("severe from jul");
        legacy.warning("warning from jul");
        legacy.info("info from jul");
        legacy.config("config from jul");
        legacy.fine("fine from jul: below");
        legacy.finer("finer from jul: below");
        legacy.finest("finest from jul: below");
        legacy.log(Level.WARNING, "with a {0} and {1}", new Object[] {"parameter", 42});
        legacy.log(Level.SEVERE, "with an exception", new IllegalStateException("legacy failure"));
        System.out.println("APP passed JUL's level check " + counting.messages);

        setLevel("shop.jul", "debug");
        System.out.println("APP after setLevel fine=" + legacy.isLoggable(Level.FINE)
                + " finer=" + legacy.isLoggable(Level.FINER) + " finest=" + legacy.isLoggable(Level.FINEST));
        legacy.fine("fine after setLevel");
        legacy.finer("finer after setLevel");
        legacy.finest("finest after setLevel: below");
        System.out.println("APP a JUL logger created later, fine=" + Logger.getLogger("shop.jul.Later").isLoggable(Level.FINE));
        setLevel("shop.jul", null);
        System.out.println("APP inheriting again fine=" + legacy.isLoggable(Level.FINE)
                + " info=" + legacy.isLoggable(Level.INFO));
        setLevel("ROOT", "warn");
        System.out.println("APP root at warn, root level " + root.getLevel() + " info=" + legacy.isLoggable(Level.INFO));
        setLevel("ROOT", null);

        // ringtail.level.shop.configured=debug: JUL's logger of that name is held, so its level survives GC
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        System.out.println("APP configured prefix after GC, fine="
                + Logger.getLogger("shop.configured.Child").isLoggable(Level.FINE));

        // formatting this argument logs through JUL: that record must not come back into the ring
        LoggerFactory.getLogger("app").info("formatted {}", new LogsThroughJul(legacy));
        System.out.println("APP flushed " + Class.forName("dev.ringtail.slf4j.Ringtail").getMethod("flush").invoke(null));
        System.out.println("APP done");
    }

    static void setLevel(String prefix, String level) throws Exception {
        Class.forName("dev.ringtail.slf4j.Ringtail").getMethod("setLevel", String.class, String.class)
                .invoke(null, prefix, level);
    }

    static List<String> handlers(Logger logger) {
        List<String> names = new ArrayList<>();
        for (Handler handler : logger.getHandlers()) {
            names.add(handler.getClass().getName());
        }
        return names;
    }

    /** Sees every record JUL let through its level check, as ringtail's bridge does. */
    static final class Counting extends Handler {
        final List<String> messages = new ArrayList<>();

        @Override
        public synchronized void publish(LogRecord record) {
            messages.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    static final class LogsThroughJul {
        private final Logger jul;

        LogsThroughJul(Logger jul) {
            this.jul = jul;
        }

        @Override
        public String toString() {
            jul.warning("logged through JUL from a toString()");
            return "an argument";
        }
    }
}
