package dev.ringtail.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.internal.json.OutputBuffer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GzipTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 6, 9})
    void aReusedDeflaterProducesStandardGzipEveryTimeAtEveryLevel(int level) throws Exception {
        Gzip gzip = new Gzip(level);
        OutputBuffer out = new OutputBuffer(16);
        SplittableRandom random = new SplittableRandom(1);
        for (int size : new int[] {0, 1, 100, 70_000, 1 << 20}) {
            byte[] input = new byte[size];
            for (int i = 0; i < size; i++) {
                input[i] = (byte) (random.nextInt(4) == 0 ? random.nextInt(256) : 'a' + i % 7);
            }
            gzip.compress(input, size, out);
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(out.toByteArray()))) {
                assertThat(in.readAllBytes()).isEqualTo(input);
            }
        }
        byte[] json = "[{\"message\":\"hello\"}]".getBytes(StandardCharsets.UTF_8);
        gzip.compress(json, json.length, out);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(in.readAllBytes()).isEqualTo(json);
        }
        gzip.end();
    }
}
