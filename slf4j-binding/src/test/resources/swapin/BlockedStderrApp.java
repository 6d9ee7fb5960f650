import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs with stderr a pipe its parent does not read. THREADS threads make re-entrant log calls (a
 * toString() that logs), then, after Ringtail.shutdown(), CALLS calls each whose events go to
 * stderr. Prints how long the slowest call took, then waits for a line on stdin before exiting,
 * so the parent can start reading stderr and see what ringtail reports once it drains.
 */
public class BlockedStderrApp {
    static final int THREADS = 8;
    static final int CALLS = 1000;

    public static void main(String[] args) throws Exception {
        Logger app = LoggerFactory.getLogger("app");
        Logger inner = LoggerFactory.getLogger("inner");
        Object logsWhileFormatted = new Object() {
            @Override
            public String toString() {
                inner.error("re-entrant");
                return "outer";
            }
        };
        AtomicLong slowest = new AtomicLong();
        run(slowest, () -> app.info("value {}", logsWhileFormatted));
        System.out.println("APP shutdown " + Class.forName("dev.ringtail.slf4j.Ringtail").getMethod("shutdown").invoke(null));
        Logger late = LoggerFactory.getLogger("late");
        run(slowest, () -> late.warn("after shutdown"));
        System.out.println("APP calls returned, slowest " + TimeUnit.NANOSECONDS.toMillis(slowest.get()) + " ms");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        System.out.println("APP exiting");
    }

    private static void run(AtomicLong slowest, Runnable call) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            threads.add(new Thread(new Caller(slowest, call), "caller-" + t));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
    }

    static final class Caller implements Runnable {
        private final AtomicLong slowest;
        private final Runnable call;

        Caller(AtomicLong slowest, Runnable call) {
            this.slowest = slowest;
            this.call = call;
        }

        @Override
        public void run() {
            for (int i = 0; i < CALLS; i++) {
                long start = System.nanoTime();
                call.run();
                long took = System.nanoTime() - start;
                slowest.accumulateAndGet(took, Math::max);
            }
        }
    }
}
