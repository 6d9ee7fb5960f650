import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.management.MBeanServer;
import javax.management.MBeanServerDelegate;
import javax.management.MBeanServerNotification;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A slf4j-api-only application for the disk spool's tests: THREADS threads each log EVENTS
 * messages "t<thread> <i>" (logger spool.app), all of them together at RATE events per second at
 * most (0: as fast as they can), timing every log call; then it prints its counters and, by MODE:
 *
 * "drain": waits until the spool is empty and every accepted event is delivered or failed (at
 * most WAIT seconds), prints "APP stats final ...", and exits (the shutdown hook drains).
 * "hold": flushes, prints "APP stats held ..." and "APP ready", and waits to be killed; on
 * SIGTERM a hook of its own waits for ringtail's to finish and prints "APP stats after-shutdown ...".
 * "exit": flushes, prints "APP stats flushed ...", and exits.
 *
 * Before it logs, it waits (5 s at most) until the sink owns its spool: the sink takes it when its
 * consumer thread starts, after loading HttpClient, and a cold JVM logging at full rate meanwhile
 * would measure that start-up, not the spool.
 *
 * Counters come from JMX (dev.ringtail:type=Pipeline and type=Sink,name=betterstack, with the
 * spool's attributes), torn bytes and whether the spool is held from Ringtail.stats() by
 * reflection: the application is compiled against slf4j-api only.
 *
 * Args: MODE THREADS EVENTS RATE [WAIT]
 */
public class SpoolApp {
    static final ObjectName PIPELINE = name("dev.ringtail:type=Pipeline");
    static final ObjectName SINK = name("dev.ringtail:type=Sink,name=betterstack");

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int threads = Integer.parseInt(args[1]);
        int events = Integer.parseInt(args[2]);
        double rate = Double.parseDouble(args[3]);
        long waitSeconds = args.length > 4 ? Long.parseLong(args[4]) : 120;
        Logger log = LoggerFactory.getLogger("spool.app");
        if (mode.equals("hold")) {
            Runtime.getRuntime().addShutdownHook(new Thread(SpoolApp::afterRingtail, "app-hook"));
        }
        long started = System.nanoTime();
        while (!spoolHeld() && System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5)) {
            Thread.sleep(10);
        }
        AtomicLong slowestCall = new AtomicLong();
        long start = System.nanoTime();
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int thread = t;
            workers[t] = new Thread(() -> {
                double perThread = rate / threads;
                for (int i = 0; i < events; i++) {
                    if (perThread > 0) {
                        long due = start + (long) (i * 1e9 / perThread);
                        long early = due - System.nanoTime();
                        if (early > 0) {
                            LockSupport.parkNanos(early);
                        }
                    }
                    long before = System.nanoTime();
                    log.info("t{} {}", thread, i);
                    slowestCall.accumulateAndGet(System.nanoTime() - before, Math::max);
                }
            }, "worker-" + t);
            workers[t].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        System.out.println("APP logged " + (long) threads * events + " in "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms, slowest call "
                + TimeUnit.NANOSECONDS.toMicros(slowestCall.get()) + " us");
        if (mode.equals("drain")) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSeconds);
            while (!drained() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            System.out.println("APP stats final " + stats());
        } else {
            System.out.println("APP flushed " + ringtail("flush"));
            System.out.println("APP stats " + (mode.equals("hold") ? "held " : "flushed ") + stats());
            if (mode.equals("hold")) {
                System.out.println("APP ready");
                System.out.flush();
                new CountDownLatch(1).await(); // until killed
            }
        }
    }

    static boolean drained() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        long accepted = (Long) server.getAttribute(PIPELINE, "Accepted");
        long found = (Long) server.getAttribute(SINK, "SpoolFound");
        long settled = (Long) server.getAttribute(SINK, "Delivered") + (Long) server.getAttribute(SINK, "Failed")
                + (Long) server.getAttribute(SINK, "Replayed");
        return spoolHeld() && (Long) server.getAttribute(SINK, "Spooled") == 0 && settled == accepted + found
                && (Long) server.getAttribute(PIPELINE, "Pending") == 0;
    }

    /** {@code attempted=.. accepted=.. dropped=.. delivered=.. failed=.. spooled=.. spoolBytes=.. replayed=.. found=.. torn=..} */
    static String stats() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        StringBuilder line = new StringBuilder();
        for (String attribute : new String[] {"Attempted", "Accepted", "Dropped"}) {
            line.append(attribute.toLowerCase()).append('=').append(server.getAttribute(PIPELINE, attribute)).append(' ');
        }
        for (String attribute : new String[] {"Delivered", "Failed", "Spooled", "SpoolBytes", "Replayed", "SpoolFound"}) {
            String key = Character.toLowerCase(attribute.charAt(0)) + attribute.substring(1);
            line.append(key).append('=').append(server.getAttribute(SINK, attribute)).append(' ');
        }
        return line.append("torn=").append(tornBytes()).toString();
    }

    /** After ringtail's shutdown its MBeans are gone: the counters come from Ringtail.stats() then. */
    static String statsAfterShutdown() throws Exception {
        Object stats = ringtail("stats");
        Object sink = ((Optional<?>) call(stats, "sink", "betterstack")).orElseThrow();
        Object spool = ((Optional<?>) call(sink, "spool")).orElseThrow();
        return "attempted=" + call(stats, "attempted") + " accepted=" + call(stats, "accepted")
                + " dropped=" + call(stats, "dropped") + " delivered=" + call(sink, "delivered")
                + " failed=" + call(sink, "failed") + " spooled=" + call(spool, "spooled")
                + " spoolBytes=" + call(spool, "bytes") + " replayed=" + call(spool, "replayed")
                + " spoolFound=" + call(spool, "found") + " torn=" + call(spool, "tornBytes");
    }

    static long tornBytes() throws Exception {
        return (Long) call(spool(), "tornBytes");
    }

    /** True once the sink owns its spool's directory (it opens it as it starts, on its own thread). */
    static boolean spoolHeld() throws Exception {
        return (Boolean) call(spool(), "held");
    }

    private static Object spool() throws Exception {
        Object sink = ((Optional<?>) call(ringtail("stats"), "sink", "betterstack")).orElseThrow();
        return ((Optional<?>) call(sink, "spool")).orElseThrow();
    }

    /** The application's shutdown hook: waits for ringtail's to unregister its MBeans, its last step. */
    static void afterRingtail() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            CountDownLatch unregistered = new CountDownLatch(1);
            NotificationListener listener = (notification, handback) -> {
                if (notification instanceof MBeanServerNotification
                        && MBeanServerNotification.UNREGISTRATION_NOTIFICATION.equals(notification.getType())
                        && PIPELINE.equals(((MBeanServerNotification) notification).getMBeanName())) {
                    unregistered.countDown();
                }
            };
            server.addNotificationListener(MBeanServerDelegate.DELEGATE_NAME, listener, null, null);
            try {
                if (server.isRegistered(PIPELINE)) {
                    unregistered.await(30, TimeUnit.SECONDS);
                }
            } finally {
                server.removeNotificationListener(MBeanServerDelegate.DELEGATE_NAME, listener);
            }
            System.out.println("APP stats after-shutdown " + statsAfterShutdown());
        } catch (Exception e) {
            System.out.println("APP hook failed: " + e);
        }
    }

    static Object ringtail(String method) throws Exception {
        return Class.forName("dev.ringtail.slf4j.Ringtail").getMethod(method).invoke(null);
    }

    private static Object call(Object target, String method, Object... args) throws Exception {
        Class<?>[] types = new Class<?>[args.length];
        for (int i = 0; i < args.length; i++) {
            types[i] = args[i].getClass();
        }
        return target.getClass().getMethod(method, types).invoke(target, args);
    }

    private static ObjectName name(String name) {
        try {
            return new ObjectName(name);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
