package dev.ringtail.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FloorRingTest {

    @Test
    void theConsumerReadsEveryPublishedEventBeforeItStops() throws Exception {
        for (String consumer : new String[] {FloorRing.PARK, FloorRing.BUSY_SPIN}) {
            FloorRing floor = FloorRing.start(consumer);
            for (int i = 0; i < 1_000; i++) {
                assertThat(floor.publish(SameMessage.ONE_ARG, SameMessage.ORDER_ID)).isTrue();
            }

            assertThat(floor.stop(Duration.ofSeconds(5))).as(consumer).isEqualTo(1_000);
            floor.checkStopped();
        }
    }

    @Test
    void anUnknownConsumerIsRefusedByName() {
        assertThatThrownBy(() -> FloorRing.start("yield"))
                .hasMessage("consumer is park or busyspin, not yield");
    }
}
