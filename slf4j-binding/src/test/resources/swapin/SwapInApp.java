import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.MarkerFactory;

/**
 * A small application that knows only slf4j-api. The swap-in integration tests compile it at
 * test time and run it with slf4j-api and ringtail's all jar as its whole classpath.
 *
 * Modes: "events" logs the fixed set of events the tests check field by field; "flood N" logs N
 * events as fast as it can; "versions" also reports the jackson-core and httpclient5 classes the
 * application itself sees. Every mode then prints ringtail's JMX counters and returns from main:
 * draining is left to ringtail's shutdown hook.
 */
public class SwapInApp {
    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "events";
        Logger log = LoggerFactory.getLogger("shop.checkout");
        if (mode.equals("flood")) {
            int count = Integer.parseInt(args[1]);
            for (int i = 0; i < count; i++) {
                log.info("flood {}", i);
            }
        } else {
            events(log);
        }
        if (mode.equals("versions")) {
            Class<?> jackson = Class.forName("com.fasterxml.jackson.core.json.PackageVersion");
            System.out.println("APP jackson-core " + jackson.getField("VERSION").get(null));
            Class<?> client = Class.forName("org.apache.hc.client5.http.impl.classic.HttpClients");
            Object http = client.getMethod("createDefault").invoke(null);
            System.out.println("APP httpclient5 " + http.getClass().getName() + " from "
                    + client.getProtectionDomain().getCodeSource().getLocation().getPath().replaceAll(".*/", ""));
            ((AutoCloseable) http).close();
        }
        System.out.println("APP shaded httpclient logger info enabled: "
                + LoggerFactory.getLogger("dev.ringtail.shaded.org.apache.hc.client5.http.impl.classic.MainClientExec")
                .isInfoEnabled());
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName pipeline = new ObjectName("dev.ringtail:type=Pipeline");
        System.out.println("APP JMX attempted=" + server.getAttribute(pipeline, "Attempted")
                + " accepted=" + server.getAttribute(pipeline, "Accepted")
                + " dropped=" + server.getAttribute(pipeline, "Dropped")
                + " droppedInfo=" + server.getAttribute(pipeline, "DroppedInfo"));
        System.out.println("APP done");
    }

    private static void events(Logger log) throws InterruptedException {
        MDC.put("request_id", "c0ffee");
        MDC.put("tenant", "acme");
        log.info("Order {} placed", 42);
        log.atWarn().addMarker(MarkerFactory.getMarker("AUDIT"))
                .addKeyValue("order_id", 42)
                .addKeyValue("retry", true)
                .addKeyValue("amount", 12.5)
                .addKeyValue("coupon", (Object) null)
                .addKeyValue("tenant", "override")
                .addKeyValue("level", "user-level")
                .log("Payment failed for order {}", 42);
        IllegalStateException crash = new IllegalStateException("card declined", new RuntimeException("root cause"));
        log.error(MarkerFactory.getMarker("PAGER"), "Checkout crashed for {}", "ann", crash);
        log.debug("not logged: below the info level");
        MDC.clear();
        Thread worker = new Thread(() -> LoggerFactory.getLogger("shop.worker").info("from {}", "worker"), "worker-1");
        worker.start();
        worker.join();
    }
}
