package dev.ringtail.internal.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.Level;
import dev.ringtail.SinkStats;
import dev.ringtail.internal.ring.Pipeline;
import dev.ringtail.testing.CapturedOutput;
import dev.ringtail.testing.Events;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/**
 * Where the OTLP sink may send: plain http anywhere when a request carries no credential (a
 * collector on the node or in the cluster), https or loopback otherwise; an endpoint that is not
 * an http(s) URL refuses the sink with one line naming the setting it came from. And its MBean.
 */
class OtlpEndpointTest {

    @Test
    void plainHttpOffLoopbackIsAllowedWhenNoCredentialWouldBeSent() {
        CapturedOutput stderr = new CapturedOutput();
        OtlpSink sink = OtlpSink.builder().endpoint("http://otel-collector.example.invalid:4318/v1/logs")
                .diagnostics(stderr.diagnostics()).build(); // built, never started: nothing connects
        assertThat(sink.refusal()).isNull();
        assertThat(sink.destination()).isEqualTo("OTLP http://otel-collector.example.invalid:4318/v1/logs (http/protobuf)");
        assertThat(stderr.text()).isEmpty();
    }

    @Test
    void anEndpointThatIsNotAnHttpUrlRefusesTheSinkOnceNamingItsSettingAndCountsEveryEventFailed() throws Exception {
        CapturedOutput stderr = new CapturedOutput();
        OtlpSink sink = OtlpSink.builder().endpoint("collector:4318").endpointKey("OTEL_EXPORTER_OTLP_LOGS_ENDPOINT")
                .diagnostics(stderr.diagnostics()).build();
        Pipeline pipeline = Pipeline.builder().jmx(false).diagnostics(stderr.diagnostics()).sink(sink).build().start();
        for (int i = 0; i < 10; i++) {
            Events.log(pipeline, i < 5 ? Level.INFO : Level.ERROR, "refused " + i);
        }
        assertThat(pipeline.shutdown(Duration.ofSeconds(5))).isTrue();

        assertThat(stderr.lines()).containsExactly("ringtail: otlp: OTEL_EXPORTER_OTLP_LOGS_ENDPOINT must be an http(s) URL,"
                + " not collector:; nothing is sent there and its events are counted failed");
        SinkStats stats = sink.counters().snapshot();
        assertThat(stats.failed(Level.INFO)).isEqualTo(5);
        assertThat(stats.failed(Level.ERROR)).isEqualTo(5);
        assertThat(stats.batches()).isZero();
    }

    @Test
    void theSinkHasItsMBeanWithTheBetterStackSinksAttributes() throws Exception {
        try (OtlpFixture f = OtlpFixture.start(OtlpEncoding.PROTOBUF, b -> b)) {
            f.logMany(7, "jmx");
            assertThat(f.flush()).isTrue();
            Pipeline pipeline = Pipeline.builder().diagnostics(f.stderr.diagnostics()).sink(f.sink).build().start();
            try {
                MBeanServer server = ManagementFactory.getPlatformMBeanServer();
                ObjectName name = new ObjectName("dev.ringtail:type=Sink,name=otlp");
                assertThat(server.isRegistered(name)).isTrue();
                SinkStats stats = f.stats();
                assertThat(server.getAttribute(name, "Delivered")).isEqualTo(stats.delivered()).isEqualTo(7L);
                assertThat(server.getAttribute(name, "Failed")).isEqualTo(0L);
                assertThat(server.getAttribute(name, "Retried")).isEqualTo(0L);
                assertThat(server.getAttribute(name, "Batches")).isEqualTo(stats.batches());
                assertThat(server.getAttribute(name, "Bytes")).isEqualTo(stats.bytes());
            } finally {
                pipeline.shutdown(Duration.ofSeconds(5));
            }
        }
    }
}
