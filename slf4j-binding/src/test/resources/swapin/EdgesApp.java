import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import javax.management.MBeanServerDelegate;
import javax.management.MBeanServerNotification;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A slf4j-api-only application for the start-up and shut-down edges. The integration tests
 * compile it at test time and run it with slf4j-api and ringtail's all jar as its classpath.
 *
 * Modes:
 * "init": this class's static initializer is the first use of SLF4J in the JVM. Before it asks
 * for a logger it starts BURST_THREADS threads that log BURST_EVENTS events each and a thread
 * that loads a class whose own static initializer logs, all released together with the static
 * initializer's first logger call, so they log before, during and after SLF4J initializes. main
 * then flushes, prints ringtail's counters, shuts ringtail down explicitly, logs once more (that
 * event goes to stderr) and prints the counters again.
 * "hook-after": the application's shutdown hook waits for ringtail's to finish, then logs.
 * "hook-race": the application's shutdown hook logs at once, racing ringtail's.
 *
 * Ringtail's own API is reached by reflection: the application is compiled against slf4j-api only.
 */
public class EdgesApp {
    static final int BURST_THREADS = 100;
    static final int BURST_EVENTS = 10;
    static final List<Thread> STARTED = new ArrayList<>();
    private static final Logger LOG;

    static {
        CountDownLatch go = new CountDownLatch(1);
        // Runnables of other classes, never lambdas: a lambda's body is a method of this class,
        // which a second thread cannot run before this initializer has finished.
        for (int t = 0; t < BURST_THREADS; t++) {
            STARTED.add(new Thread(new Burst(go, t), "burst-" + t));
        }
        STARTED.add(new Thread(new LoadsLoggingClass(go), "during-init"));
        STARTED.forEach(Thread::start);
        go.countDown();
        LOG = LoggerFactory.getLogger("edge.static");
        LOG.info("from the main class's static initializer");
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        for (Thread t : STARTED) {
            t.join();
        }
        if (mode.equals("init")) {
            System.out.println("APP during-init saw " + LoggingStaticInit.SAW);
            System.out.println("APP flushed " + ringtail("flush"));
            System.out.println("APP " + stats("before-shutdown"));
            System.out.println("APP shutdown " + ringtail("shutdown"));
            LoggerFactory.getLogger("edge.late").warn("after the explicit shutdown");
            System.out.println("APP " + stats("after-shutdown"));
        } else {
            boolean waitForRingtail = mode.equals("hook-after");
            Runtime.getRuntime().addShutdownHook(new Thread(new HookLogger(waitForRingtail), "app-hook"));
            LOG.info("main is done");
        }
        System.out.println("APP done");
    }

    static Object ringtail(String method) throws Exception {
        return Class.forName("dev.ringtail.slf4j.Ringtail").getMethod(method).invoke(null);
    }

    /** {@code <label> attempted=A accepted=B dropped=C betterstack=D/F console=D/F} */
    static String stats(String label) throws Exception {
        Object stats = ringtail("stats");
        StringBuilder line = new StringBuilder(label);
        for (String counter : new String[] {"attempted", "accepted", "dropped"}) {
            line.append(' ').append(counter).append('=').append(call(stats, counter));
        }
        for (String sink : new String[] {"betterstack", "console"}) {
            Optional<?> sinkStats = (Optional<?>) stats.getClass().getMethod("sink", String.class).invoke(stats, sink);
            Object s = sinkStats.orElseThrow();
            line.append(' ').append(sink).append('=').append(call(s, "delivered")).append('/').append(call(s, "failed"));
        }
        return line.toString();
    }

    private static Object call(Object target, String method) throws Exception {
        return target.getClass().getMethod(method).invoke(target);
    }

    static final class Burst implements Runnable {
        private final CountDownLatch go;
        private final int thread;

        Burst(CountDownLatch go, int thread) {
            this.go = go;
            this.thread = thread;
        }

        @Override
        public void run() {
            try {
                go.await();
            } catch (InterruptedException e) {
                return;
            }
            Logger logger = LoggerFactory.getLogger("edge.burst");
            for (int i = 0; i < BURST_EVENTS; i++) {
                // plain arguments: key-value pairs logged while SLF4J initializes reach the provider
                // only merged into the message text (SLF4J's EventRecordingLogger keeps no pairs)
                logger.info("burst {} {}", thread, i);
            }
        }
    }

    static final class LoadsLoggingClass implements Runnable {
        private final CountDownLatch go;

        LoadsLoggingClass(CountDownLatch go) {
            this.go = go;
        }

        @Override
        public void run() {
            try {
                go.await();
            } catch (InterruptedException e) {
                return;
            }
            LoggingStaticInit.touch();
        }
    }

    /** Logs from its static initializer; which logger factory it met shows when that ran. */
    static final class LoggingStaticInit {
        static final String SAW = LoggerFactory.getILoggerFactory().getClass().getSimpleName();

        static {
            LoggerFactory.getLogger("edge.during").info("from a static initializer on another thread");
        }

        static void touch() {
        }
    }

    static final class HookLogger implements Runnable {
        private final boolean waitForRingtail;

        HookLogger(boolean waitForRingtail) {
            this.waitForRingtail = waitForRingtail;
        }

        @Override
        public void run() {
            try {
                if (waitForRingtail) {
                    // ringtail unregisters its MBeans as the last step of its shutdown: the
                    // notification of that is what this hook waits for
                    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
                    ObjectName pipeline = new ObjectName("dev.ringtail:type=Pipeline");
                    CountDownLatch unregistered = new CountDownLatch(1);
                    NotificationListener listener = (notification, handback) -> {
                        if (notification instanceof MBeanServerNotification
                                && MBeanServerNotification.UNREGISTRATION_NOTIFICATION.equals(notification.getType())
                                && pipeline.equals(((MBeanServerNotification) notification).getMBeanName())) {
                            unregistered.countDown();
                        }
                    };
                    server.addNotificationListener(MBeanServerDelegate.DELEGATE_NAME, listener, null, null);
                    try {
                        if (server.isRegistered(pipeline)) { // else it was unregistered before we listened
                            unregistered.await(20, TimeUnit.SECONDS);
                        }
                    } finally {
                        server.removeNotificationListener(MBeanServerDelegate.DELEGATE_NAME, listener);
                    }
                    System.out.println("APP ringtail's hook finished: " + !server.isRegistered(pipeline));
                }
                LoggerFactory.getLogger("edge.hook").info("from the application's shutdown hook");
                System.out.println("APP " + stats("in-hook"));
            } catch (Exception e) {
                System.out.println("APP hook failed: " + e);
            }
        }
    }
}
