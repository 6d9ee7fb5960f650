package dev.ringtail.internal.ring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.Level;
import dev.ringtail.testing.CollectingSink;
import dev.ringtail.testing.Waiting;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SlotReleaseTest {
    private static final EventTranslator<String, Object, Throwable, Map<String, String>> BIG =
            (event, pattern, arg, thrown, mdc) -> event.format(pattern, arg).throwable(thrown).mdc(mdc);

    @Test
    void ringHoldsNoReferenceToMessageOrExceptionOnceConsumed() throws Exception {
        CollectingSink first = new CollectingSink("first");
        CollectingSink second = new CollectingSink("second");
        Pipeline pipeline = Pipeline.builder().jmx(false).maxMessageChars(2_000_000)
                .sink(new ForgetfulSink(first)).sink(new ForgetfulSink(second)).build().start();

        WeakReference<?>[] refs = publishBigEvent(pipeline);
        assertThat(pipeline.flush(Duration.ofSeconds(10))).isTrue();

        // a collection clears them once nothing holds them; a few may be needed, 20 ms apart as before
        Waiting.atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20)).until(() -> {
            System.gc();
            return refs[0].get() == null && refs[1].get() == null && refs[2].get() == null;
        });
        assertThat(refs[0].get()).as("1 MB message argument").isNull();
        assertThat(refs[1].get()).as("exception").isNull();
        assertThat(refs[2].get()).as("MDC map").isNull();
        pipeline.shutdown(Duration.ofSeconds(5));
    }

    // a separate frame, so no local variable of the test keeps the objects alive
    private static WeakReference<?>[] publishBigEvent(Pipeline pipeline) {
        String huge = "x".repeat(1 << 20);
        Throwable thrown = new IllegalStateException("boom");
        Map<String, String> mdc = Map.of("request", "r-" + System.nanoTime());
        assertThat(pipeline.publish(Level.ERROR, "big", BIG, "{}", huge, thrown, mdc)).isTrue();
        return new WeakReference<?>[] {new WeakReference<>(huge), new WeakReference<>(thrown), new WeakReference<>(mdc)};
    }

    /** Counts but keeps nothing, so only the ring could hold a reference. */
    private static final class ForgetfulSink extends CollectingSink {
        ForgetfulSink(CollectingSink named) {
            super(named.name());
        }

        @Override
        public void onEvent(dev.ringtail.internal.event.EventView event) {
            counters().delivered(event.level(), 1);
        }
    }
}
