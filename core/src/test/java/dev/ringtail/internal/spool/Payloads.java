package dev.ringtail.internal.spool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.Level;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Records the tests append: record {@code n} of {@code size} bytes starts with {@code n} and is
 * filled with bytes derived from it, so a record read back names itself and any byte out of
 * place shows; its per-level counts are derived from {@code n} too.
 */
final class Payloads {
    private Payloads() {
    }

    static byte[] payload(int n, int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (n * 31 + i * 7);
        }
        if (size >= 4) {
            ByteBuffer.wrap(bytes).putInt(n);
        }
        return bytes;
    }

    static int[] perLevel(int n) {
        return new int[] {n % 3, 1, n % 2, (n / 7) % 2, n % 5 == 0 ? 2 : 0};
    }

    static boolean append(Spool spool, int n, int size) {
        byte[] bytes = payload(n, size);
        return spool.append(bytes, 0, bytes.length, perLevel(n));
    }

    /** The number a record of {@link #payload} was appended as, after checking every byte of it. */
    static int numberOf(Spool.Record record) {
        int n = ByteBuffer.wrap(record.bytes()).getInt();
        assertThat(record.bytes()).as("payload of record %d", n).isEqualTo(payload(n, record.bytes().length));
        assertThat(record.perLevel()).as("counts of record %d", n).isEqualTo(perLevel(n));
        return n;
    }

    static long events(int n) {
        return RecordFormat.events(perLevel(n));
    }

    static void addTo(long[] sum, int n) {
        int[] counts = perLevel(n);
        for (int i = 0; i < Level.count(); i++) {
            sum[i] += counts[i];
        }
    }

    static long sum(long[] perLevel) {
        long sum = 0;
        for (long count : perLevel) {
            sum += count;
        }
        return sum;
    }

    /** The segment files in {@code dir}, oldest first. */
    static List<Path> segments(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".seg")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes of the segment files in {@code dir}, as the file system tells them. */
    static long bytesOnDisk(Path dir) {
        return segments(dir).stream().mapToLong(p -> {
            try {
                return Files.size(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).sum();
    }
}
