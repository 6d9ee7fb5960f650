package dev.ringtail.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.Level;
import dev.ringtail.internal.otlp.OtlpEncoding;
import dev.ringtail.internal.otlp.OtlpSink;
import dev.ringtail.internal.ring.EventTranslator;
import dev.ringtail.internal.ring.Pipeline;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class LoopbackReceiverTest {
    private static final EventTranslator<String, Void, Void, Void> TEXT = (event, text, b, c, d) -> event.message(text);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void acceptsPlainAndGzipBatchesAndCountsTheirEvents() throws Exception {
        try (LoopbackReceiver receiver = LoopbackReceiver.start(true, 1)) {
            String batch = "[{\"message\":\"a\",\"n\":[1,2]},{\"message\":\"b\",\"o\":{\"x\":1}}]";

            assertThat(post(receiver.endpoint(), batch.getBytes(StandardCharsets.UTF_8), false, true)).isEqualTo(202);
            assertThat(post(receiver.endpoint(), gzip(batch), true, true)).isEqualTo(202);

            assertThat(receiver.events()).isEqualTo(4);
            assertThat(receiver.requests()).isEqualTo(2);
            assertThat(receiver.rejected()).isZero();
        }
    }

    @Test
    void rejectsRequestsWithoutTokenOrWithoutJsonArray() throws Exception {
        try (LoopbackReceiver receiver = LoopbackReceiver.start(true, 1)) {
            assertThat(post(receiver.endpoint(), "[{}]".getBytes(StandardCharsets.UTF_8), false, false)).isEqualTo(401);
            assertThat(post(receiver.endpoint(), "{}".getBytes(StandardCharsets.UTF_8), false, true)).isEqualTo(400);

            assertThat(receiver.events()).isZero();
            assertThat(receiver.rejected()).isEqualTo(2);
        }
    }

    @Test
    void onTheOtlpPathCountsTheRecordsOfProtobufAndJsonRequestsAndAnswers200() throws Exception {
        ExportLogsServiceRequest request = ExportLogsServiceRequest.newBuilder().addResourceLogs(ResourceLogs.newBuilder()
                .addScopeLogs(ScopeLogs.newBuilder().addLogRecords(record("a")).addLogRecords(record("b")))
                .addScopeLogs(ScopeLogs.newBuilder().addLogRecords(record("c")))).build();
        String json = "{\"resourceLogs\":[{\"resource\":{},\"scopeLogs\":[{\"scope\":{\"name\":\"x\"},"
                + "\"logRecords\":[{\"body\":{\"stringValue\":\"a\"}},{\"attributes\":[{\"key\":\"k\"}]}]}]}]}";
        try (LoopbackReceiver receiver = LoopbackReceiver.start(true, 1)) {
            assertThat(post(receiver.otlpEndpoint(), request.toByteArray(), "application/x-protobuf")).isEqualTo(200);
            assertThat(post(receiver.otlpEndpoint(), json.getBytes(StandardCharsets.UTF_8), "application/json")).isEqualTo(200);
            assertThat(post(receiver.otlpEndpoint(), new byte[] {(byte) 0xff}, "application/x-protobuf")).isEqualTo(400);

            assertThat(receiver.events()).isEqualTo(5);
            assertThat(receiver.rejected()).isEqualTo(1);
        }
    }

    @Test
    void countsEveryRecordRingtailsOtlpSinkSendsInBothEncodingsAsTheEndToEndRowNeeds() throws Exception {
        for (OtlpEncoding encoding : OtlpEncoding.values()) {
            try (LoopbackReceiver receiver = LoopbackReceiver.start(true, LoopbackReceiver.SUITE_CONNECTIONS)) {
                OtlpSink sink = OtlpSink.builder().endpoint(receiver.otlpEndpoint()).encoding(encoding).build();
                Pipeline pipeline = Pipeline.builder().jmx(false).ringSize(5000).sink(sink).build().start();
                for (int i = 0; i < 3000; i++) {
                    pipeline.publish(Level.INFO, "shop", TEXT, "record " + i, null, null, null);
                }
                assertThat(pipeline.flush(Duration.ofSeconds(20))).isTrue();
                assertThat(pipeline.shutdown(Duration.ofSeconds(5))).isTrue();

                assertThat(receiver.events()).as(encoding.key()).isEqualTo(3000);
                assertThat(receiver.rejected()).isZero();
                assertThat(sink.counters().snapshot().delivered()).isEqualTo(3000);
            }
        }
    }

    private static LogRecord record(String body) {
        return LogRecord.newBuilder().setTimeUnixNano(1).setBody(AnyValue.newBuilder().setStringValue(body)).build();
    }

    private int post(URI endpoint, byte[] body, String contentType) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void syncLoggerPostsEveryEventBeforeReturning() throws Exception {
        try (LoopbackReceiver receiver = LoopbackReceiver.start(true, 1);
             SyncHttpLogger logger = new SyncHttpLogger("sync", receiver.endpoint(), "t", 1)) {
            for (int i = 0; i < 5; i++) {
                logger.info("order {}", i);
            }
            logger.debug("below the level: not sent");

            assertThat(receiver.events()).isEqualTo(5);
            assertThat(logger.delivered()).isEqualTo(5);
            assertThat(logger.failed()).isZero();
        }
    }

    private int post(URI endpoint, byte[] body, boolean gzip, boolean token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (gzip) {
            request.header("Content-Encoding", "gzip");
        }
        if (token) {
            request.header("Authorization", "Bearer t");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static byte[] gzip(String s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(s.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
