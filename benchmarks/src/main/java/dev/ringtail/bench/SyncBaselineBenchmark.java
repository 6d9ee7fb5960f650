package dev.ringtail.bench;

import java.io.IOException;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.slf4j.Logger;

/**
 * The synchronous handler: the same SLF4J call, but every event is POSTed on the caller's thread
 * (HttpClient 5 classic, keep-alive) to a loopback receiver this benchmark starts, and the call
 * returns after the 202. The yardstick ringtail's enqueue cost is divided into.
 */
public class SyncBaselineBenchmark extends PacedBenchmark {
    private LoopbackReceiver receiver;
    private SyncHttpLogger sync;
    /** The same logger, seen as the application sees it: the call goes through the SLF4J interface. */
    private Logger logger;

    @Setup
    public void setUp() {
        receiver = LoopbackReceiver.start(false, LoopbackReceiver.SUITE_CONNECTIONS);
        // one keep-alive connection per benchmark thread
        sync = new SyncHttpLogger(SameMessage.LOGGER, receiver.endpoint(), SameMessage.TOKEN,
                LoopbackReceiver.SUITE_CONNECTIONS);
        logger = sync;
    }

    @TearDown
    public void tearDown() throws IOException {
        sync.close();
        Outcomes.print("SyncBaselineBenchmark", "delivered=" + sync.delivered() + " failed=" + sync.failed()
                + " receiver requests=" + receiver.requests());
        receiver.close();
        if (sync.failed() > 0) {
            throw new IllegalStateException(sync.failed() + " synchronous posts failed");
        }
    }

    @Override
    protected void log() {
        logger.info(SameMessage.ONE_ARG, SameMessage.ORDER_ID);
    }
}
