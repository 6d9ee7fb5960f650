package dev.ringtail.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringtail.Level;
import dev.ringtail.internal.json.OutputBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SpooledBatchTest {
    private static final String FORMAT = "betterstack application/json";

    @Test
    void aRangeReadBackHoldsEachEventsBytesLevelAndLogger() {
        Batch batch = new Batch(64, 1 << 20);
        add(batch, "{\"a\":0}", Level.INFO, "shop.cart");
        add(batch, "{\"a\":1}", Level.WARN, "shop.cart");
        add(batch, "{\"a\":2}", null, "dev.ringtail"); // a drop summary: spooled, never counted
        add(batch, "{\"a\":3}", Level.ERROR, null);
        add(batch, "{\"ü\":\"" + "x".repeat(300) + "\"}", Level.DEBUG, "shöp.ünïcode");

        SpooledBatch codec = new SpooledBatch(FORMAT);
        byte[] record = codec.encode(batch, 1, 5).toByteArray();
        Batch back = new Batch(64, 1 << 20);
        codec.decode(record, back);

        assertThat(back.count()).isEqualTo(4);
        for (int i = 0; i < 4; i++) {
            assertThat(event(back, i)).isEqualTo(event(batch, i + 1));
            assertThat(back.level(i)).isEqualTo(batch.level(i + 1));
            assertThat(back.logger(i)).isEqualTo(batch.logger(i + 1));
        }
        assertThat(back.countedEvents(0, 4)).isEqualTo(3);
    }

    @Test
    void aRecordOfAnotherFormatOrCutShortIsRefusedNeverReadAsEvents() {
        Batch batch = new Batch(64, 1024);
        add(batch, "{}", Level.INFO, "a");
        add(batch, "{}", Level.INFO, "b");
        byte[] record = new SpooledBatch("otlp application/x-protobuf").encode(batch, 0, 2).toByteArray();
        Batch back = new Batch(64, 1024);

        assertThatThrownBy(() -> new SpooledBatch("otlp application/json").decode(record, back))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another format");
        for (int cut = 0; cut < record.length; cut++) {
            byte[] shorter = Arrays.copyOf(record, cut);
            assertThatThrownBy(() -> new SpooledBatch("otlp application/x-protobuf").decode(shorter, back))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        byte[] longer = Arrays.copyOf(record, record.length + 1);
        assertThatThrownBy(() -> new SpooledBatch("otlp application/x-protobuf").decode(longer, back))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after the last event");
    }

    private static void add(Batch batch, String json, Level level, String logger) {
        OutputBuffer event = new OutputBuffer(16);
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        event.write(bytes, 0, bytes.length);
        batch.add(event, level, logger, System.nanoTime());
    }

    private static String event(Batch batch, int i) {
        return new String(batch.bytes(), batch.start(i), batch.end(i) - batch.start(i), StandardCharsets.UTF_8);
    }
}
