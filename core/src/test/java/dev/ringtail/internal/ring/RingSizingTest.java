package dev.ringtail.internal.ring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.testing.CapturedOutput;
import org.junit.jupiter.api.Test;

/** The preallocated ring never takes more than a quarter of the heap. */
class RingSizingTest {
    private static final long MIB = 1 << 20;

    @Test
    void aRingThatFitsInAQuarterOfTheHeapIsKeptAsConfigured() {
        CapturedOutput stderr = new CapturedOutput();
        assertThat(RingSizing.fitToHeap(10_000, 64 * MIB, stderr.diagnostics())).isEqualTo(10_000);
        assertThat(stderr.lines()).isEmpty();
    }

    @Test
    void theLargestRingWith512MiBOfHeapIsReducedToWhatFitsWithOneLine() {
        CapturedOutput stderr = new CapturedOutput();
        int ringSize = RingSizing.fitToHeap(PipelineBuilder.MAX_RING_SIZE, 512 * MIB, stderr.diagnostics());

        assertThat((long) RingSizing.nextPowerOfTwo(ringSize) * RingSizing.SLOT_BYTES).isLessThanOrEqualTo(128 * MIB);
        assertThat(ringSize).isEqualTo(1 << 17);
        assertThat(stderr.lines()).singleElement().asString()
                .contains("ringtail.ringSize=67108864").contains("512 MiB").contains("using 131072");
    }
}
