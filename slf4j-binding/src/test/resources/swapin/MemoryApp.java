import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A slf4j-api-only application for the memory bound: THREADS threads each log EVENTS messages of
 * the given length while the endpoint never answers, then the heap is measured after GC and the
 * counters printed from JMX; then it waits for SIGTERM, so the test can check the exit.
 *
 * Args: message length in chars, events per thread, threads.
 */
public class MemoryApp {
    public static void main(String[] args) throws Exception {
        int chars = Integer.parseInt(args[0]);
        int events = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        long baseline = usedAfterGc();
        Logger log = LoggerFactory.getLogger("memory.app");
        String message = "x".repeat(chars);
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> {
                for (int i = 0; i < events; i++) {
                    log.info("{} {}", i, message);
                }
            }, "worker-" + t);
            workers[t].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        long used = usedAfterGc();
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName pipeline = new ObjectName("dev.ringtail:type=Pipeline");
        System.out.println("APP heap baseline=" + baseline + " used=" + used + " max=" + Runtime.getRuntime().maxMemory());
        System.out.println("APP attempted=" + server.getAttribute(pipeline, "Attempted")
                + " accepted=" + server.getAttribute(pipeline, "Accepted")
                + " dropped=" + server.getAttribute(pipeline, "Dropped")
                + " memory=" + server.getAttribute(pipeline, "DroppedMemory")
                + " ringfull=" + server.getAttribute(pipeline, "DroppedRingFull")
                + " ringsize=" + server.getAttribute(pipeline, "RingSize"));
        System.out.println("APP ready");
        System.out.flush();
        new CountDownLatch(1).await(); // until SIGTERM
    }

    // What stays held, not what some thread has in hand at one instant: the least of five readings,
    // each after a full GC. One run in about ten read 47.7 MB where runs read 24-25 MB.
    private static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        long least = Long.MAX_VALUE;
        for (int reading = 0; reading < 5; reading++) {
            System.gc();
            System.gc();
            least = Math.min(least, runtime.totalMemory() - runtime.freeMemory());
        }
        return least;
    }
}
