package dev.ringtail.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BenchmarkListTest {

    @Test
    void jarMainListsEveryBenchmarkTheSuiteNeeds() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Main.main(new String[] {"-l"});
        } finally {
            System.setOut(original);
        }
        String listing = captured.toString(StandardCharsets.UTF_8);

        String p = "dev.ringtail.bench.";
        assertThat(listing).contains(
                // enqueue through SLF4J (params args x context), and its full-ring drop path
                p + "RingtailSlf4jBenchmark.oneThread", p + "RingtailSlf4jBenchmark.twoThreads",
                p + "RingtailSlf4jDropBenchmark.oneThread", p + "RingtailSlf4jDropBenchmark.twoThreads",
                // the level check: a call below the logger's level, and the same call enabled
                p + "LevelCheckBenchmark.disabled", p + "LevelCheckBenchmark.enabled",
                // the core publish path and its drop path
                p + "CorePublishBenchmark.publishOneArgument",
                p + "CoreDropBenchmark.dropOneThread", p + "CoreDropBenchmark.dropTwoThreads",
                // the machine's floor: a bare Disruptor publish, consumer parked or spinning
                p + "FloorBenchmark.oneThread", p + "FloorBenchmark.twoThreads",
                // the synchronous baseline and the peers
                p + "SyncBaselineBenchmark.oneThread", p + "SyncBaselineBenchmark.twoThreads",
                p + "Log4j2AsyncBenchmark.oneThread", p + "Log4j2AsyncBenchmark.twoThreads",
                p + "LogbackAsyncBenchmark.oneThread", p + "LogbackAsyncBenchmark.twoThreads",
                p + "LogtailBenchmark.oneThread", p + "LogtailBenchmark.twoThreads",
                // end to end, ringtail (gzip on and off), its OTLP sink (both encodings) and logback-logtail
                p + "RingtailEndToEndBenchmark.ringtail", p + "OtlpEndToEndBenchmark.otlp",
                p + "LogtailEndToEndBenchmark.logtailPlain",
                // the OTLP record marshalled by hand, with protobuf-java's generated classes, and as JSON
                "dev.ringtail.internal.otlp.OtlpEncodingBenchmark.handWritten",
                "dev.ringtail.internal.otlp.OtlpEncodingBenchmark.protobufJava",
                "dev.ringtail.internal.otlp.OtlpEncodingBenchmark.json",
                // serialization on the consumer thread (written with the BetterStack sink)
                p + "SerializationBenchmark.typical", p + "SerializationBenchmark.withException",
                // a sink that cannot deliver writing its failed batches to the disk spool
                p + "SpoolWriteBenchmark.append");
    }
}
