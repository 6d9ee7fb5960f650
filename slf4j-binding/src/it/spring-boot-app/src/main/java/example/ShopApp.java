package example;

import dev.ringtail.PipelineStats;
import dev.ringtail.SinkStats;
import dev.ringtail.slf4j.Ringtail;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A shop that logs what it is asked to, on any logger and level, and says goodbye at shutdown. */
@SpringBootApplication
@RestController
public class ShopApp {
    public static void main(String[] args) {
        LoggerFactory.getLogger("shop.early").info("before Spring: console only");
        // Spring runs its shutdown handlers in reverse order: one added before run() runs after
        // the logging system's, which drains ringtail, so it prints the counters after the drain.
        SpringApplication.getShutdownHandlers().add(ShopApp::printStats);
        SpringApplication.run(ShopApp.class, args);
    }

    @GetMapping("/log")
    String log(@RequestParam("logger") String logger, @RequestParam("level") String level,
               @RequestParam("message") String message) {
        LoggerFactory.getLogger(logger).atLevel(Level.valueOf(level)).log(message);
        return "logged";
    }

    @PreDestroy
    void farewell() throws InterruptedException {
        // work a real bean might do at shutdown; a logging system that drained at SIGTERM instead
        // of after the context closed would not ship the line that follows
        Thread.sleep(300);
        Logger log = LoggerFactory.getLogger("shop.lifecycle");
        log.info("farewell from @PreDestroy");
    }

    private static void printStats() {
        PipelineStats stats = Ringtail.stats();
        StringBuilder line = new StringBuilder("APP stats accepted=").append(stats.accepted())
                .append(" dropped=").append(stats.dropped());
        for (SinkStats sink : stats.sinks()) {
            line.append(' ').append(sink.name()).append('=').append(sink.delivered()).append('/').append(sink.failed());
        }
        System.out.println(line);
        System.out.flush();
    }
}
