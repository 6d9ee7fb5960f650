package dev.ringtail.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.ringtail.Level;
import dev.ringtail.LevelsMXBean;
import dev.ringtail.PipelineMXBean;
import dev.ringtail.PipelineStats;
import dev.ringtail.SinkMXBean;
import dev.ringtail.SinkStats;
import dev.ringtail.SpoolStats;
import dev.ringtail.SpoolingSinkMXBean;
import dev.ringtail.internal.config.Components;
import dev.ringtail.internal.config.OtlpSettings;
import dev.ringtail.internal.config.RingtailConfig;
import dev.ringtail.internal.diag.Diagnostics;
import dev.ringtail.internal.diag.RecursionGuard;
import dev.ringtail.internal.event.BoundedText;
import dev.ringtail.internal.event.EventView;
import dev.ringtail.internal.event.KeyValues;
import dev.ringtail.internal.event.Markers;
import dev.ringtail.internal.http.Answer;
import dev.ringtail.internal.http.Batch;
import dev.ringtail.internal.http.BetterStackSink;
import dev.ringtail.internal.http.BetterStackSinkBuilder;
import dev.ringtail.internal.http.HttpSettings;
import dev.ringtail.internal.http.HttpSink;
import dev.ringtail.internal.http.HttpSinkBuilder;
import dev.ringtail.internal.http.Protocol;
import dev.ringtail.internal.http.RequestHeaders;
import dev.ringtail.internal.http.SpoolSettings;
import dev.ringtail.internal.http.Verdict;
import dev.ringtail.internal.json.EventSerializer;
import dev.ringtail.internal.json.JsonLineFormat;
import dev.ringtail.internal.json.JsonText;
import dev.ringtail.internal.json.OutputBuffer;
import dev.ringtail.internal.json.WrittenKeys;
import dev.ringtail.internal.level.LevelListener;
import dev.ringtail.internal.level.LevelRegistry;
import dev.ringtail.internal.level.LevelsBean;
import dev.ringtail.internal.otlp.OtlpSink;
import dev.ringtail.internal.otlp.OtlpSinkBuilder;
import dev.ringtail.internal.otlp.Resource;
import dev.ringtail.internal.ring.EventTranslator;
import dev.ringtail.internal.ring.LogEvent;
import dev.ringtail.internal.ring.Pipeline;
import dev.ringtail.internal.ring.PipelineBuilder;
import dev.ringtail.internal.sink.Backlog;
import dev.ringtail.internal.sink.BufferPool;
import dev.ringtail.internal.sink.ConsoleSink;
import dev.ringtail.internal.sink.ShedPolicy;
import dev.ringtail.internal.sink.Sink;
import dev.ringtail.internal.spool.Spool;
import dev.ringtail.internal.spool.SpoolLockedException;
import dev.ringtail.internal.stats.DropCounter;
import dev.ringtail.internal.stats.Outcomes;
import dev.ringtail.internal.stats.SinkCounters;
import dev.ringtail.internal.stats.ThreadCounts;
import dev.ringtail.internal.text.ConsoleFormat;
import dev.ringtail.internal.text.LineFormat;
import dev.ringtail.testing.CapturedOutput;
import dev.ringtail.testing.Events;
import dev.ringtail.testing.MemorySpool;
import dev.ringtail.testing.PublicTypes;
import dev.ringtail.testing.Secrets;
import dev.ringtail.testing.TestEvents;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.management.JMX;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/**
 * The {@code toString()} of an instance of every public type of {@code dev.ringtail} holds no
 * form of the token. The types are read from the compiled classes ({@link PublicTypes}), so a new
 * public class fails this test until it is given a sensible instance here, built with the token
 * wherever the type can hold one.
 */
class PublicTypesToStringTest {
    private static final String TOKEN = TokenSecrecyTest.TOKEN;

    @Test
    void noPublicTypeShowsTheTokenInToString() throws Exception {
        CapturedOutput stderr = new CapturedOutput();
        Diagnostics diagnostics = stderr.diagnostics();
        RingtailConfig config = RingtailConfig.of(Map.of(RingtailConfig.TOKEN, TOKEN,
                RingtailConfig.ENDPOINT, "http://127.0.0.1:9/ingest", OtlpSettings.ENDPOINT, "http://127.0.0.1:9/v1/logs",
                OtlpSettings.TOKEN, TOKEN, OtlpSettings.HEADERS, "x-api-key=" + TOKEN), Map.of(), new Properties(), diagnostics);
        RingtailConfig fromEnvironment = RingtailConfig.of(Map.of(), Map.of("LOGTAIL_SOURCE_TOKEN", TOKEN),
                new Properties(), diagnostics);
        // Nothing is logged to either sink: neither ever connects anywhere.
        BetterStackSink loopback = Components.betterStack(config, diagnostics);
        BetterStackSink refused = BetterStackSink.builder().token(TOKEN)
                .endpoint(URI.create("http://logs.example.invalid/")).diagnostics(diagnostics).build();
        ConsoleSink console = new ConsoleSink(new ByteArrayOutputStream(), ZoneOffset.UTC, 1000);
        OtlpSink otlp = Components.otlp(config, diagnostics);
        OtlpSink otlpRefused = OtlpSink.builder().endpoint("http://otlp.example.invalid/v1/logs").token(TOKEN)
                .header("x-api-key", TOKEN).diagnostics(diagnostics).build();
        LevelRegistry.ThresholdWriter<int[]> writer = (logger, threshold) -> logger[0] = threshold;
        LevelRegistry<int[]> levels = new LevelRegistry<>(config, false, writer);
        LevelListener listener = prefix -> { };
        levels.addListener(listener);
        LevelsBean levelsBean = new LevelsBean(levels);
        MemorySpool.Disk disk = new MemorySpool.Disk();
        SpoolSettings spoolSettings = new SpoolSettings(Path.of("spool"), 1 << 20, disk::open);
        OtlpSink spooling = OtlpSink.builder().endpoint("http://127.0.0.1:9/v1/logs").token(TOKEN)
                .spool(spoolSettings.dir(), spoolSettings.maxBytes()).spoolOpener(spoolSettings.opener())
                .diagnostics(diagnostics).build();
        PipelineBuilder pipelineBuilder = Pipeline.builder().jmx(true).diagnostics(diagnostics).sink(loopback)
                .sink(console).sink(spooling).mbean(LevelsBean.NAME, levelsBean.mbean());
        Pipeline pipeline = pipelineBuilder.build().start();
        try {
            EventSerializer serializer = new EventSerializer();
            LogEvent event = TestEvents.event(Level.WARN, "hello");
            OutputBuffer serialized = serializer.serialize(event);
            var server = ManagementFactory.getPlatformMBeanServer();

            Map<Class<?>, List<Object>> instances = new HashMap<>();
            instances.put(RingtailConfig.class, List.of(config, fromEnvironment));
            instances.put(dev.ringtail.internal.config.ConfigOverlay.class, List.of(
                    dev.ringtail.internal.config.ConfigOverlay.NONE,
                    dev.ringtail.testing.MapOverlay.of(java.util.Map.of(RingtailConfig.TOKEN, TOKEN))));
            instances.put(BetterStackSink.class, List.of(loopback, refused));
            instances.put(BetterStackSinkBuilder.class, List.of(BetterStackSink.builder().token(TOKEN)));
            instances.put(Pipeline.class, List.of(pipeline));
            instances.put(PipelineBuilder.class, List.of(pipelineBuilder));
            instances.put(PipelineStats.class, List.of(pipeline.stats()));
            instances.put(SinkStats.class, List.of(loopback.counters().snapshot(), refused.counters().snapshot(),
                    spooling.counters().snapshot()));
            instances.put(SpoolStats.class, List.of(spooling.counters().snapshot().spool().orElseThrow()));
            instances.put(Outcomes.class, List.of(loopback.counters()));
            instances.put(SinkCounters.SpoolGauge.class, List.of(spoolGaugeOf(spooling)));
            instances.put(SpoolSettings.class, List.of(spoolSettings));
            instances.put(SpoolSettings.Opener.class, List.of(spoolSettings.opener()));
            Spool spool = new MemorySpool.Disk().open(Path.of("spool"), 1 << 20, spoolGaugeListener(spooling));
            spool.append(new byte[] {1}, 0, 1, new int[Level.count()]);
            instances.put(Spool.class, List.of(spool));
            instances.put(Spool.Record.class, List.of(spool.peek()));
            instances.put(Spool.Listener.class, List.of(spoolGaugeListener(spooling)));
            instances.put(SpoolLockedException.class, List.of(new SpoolLockedException("spool is locked")));
            instances.put(SpoolingSinkMXBean.class, List.of(
                    JMX.newMXBeanProxy(server, new ObjectName("dev.ringtail:type=Sink,name=otlp"), SpoolingSinkMXBean.class)));
            instances.put(SinkCounters.class, List.of(loopback.counters()));
            instances.put(dev.ringtail.internal.stats.LevelCounter.class, List.of(new dev.ringtail.internal.stats.LevelCounter()));
            instances.put(Sink.class, List.of(loopback, refused, console, otlp, otlpRefused));
            instances.put(HttpSink.class, List.of(loopback, refused, otlp, otlpRefused));
            instances.put(OtlpSink.class, List.of(otlp, otlpRefused));
            instances.put(OtlpSinkBuilder.class, List.of(OtlpSink.builder().token(TOKEN).header("x-api-key", TOKEN)));
            instances.put(HttpSinkBuilder.class, List.of(BetterStackSink.builder().token(TOKEN), OtlpSink.builder().token(TOKEN)));
            instances.put(OtlpSettings.class, List.of(config.otlp()));
            instances.put(Resource.class, List.of(otlp.resource()));
            List<Object> protocols = List.of(protocolOf(loopback), protocolOf(refused), protocolOf(otlp), protocolOf(otlpRefused));
            instances.put(Protocol.class, protocols);
            instances.put(Protocol.EventEncoder.class, protocols.stream().map(p -> (Object) ((Protocol) p).newEncoder()).toList());
            instances.put(Protocol.BodyWriter.class, protocols.stream().map(p -> (Object) ((Protocol) p).newBodyWriter()).toList());
            instances.put(RequestHeaders.class, List.of(new RequestHeaders().bearer(TOKEN).add("x-api-key", TOKEN)));
            instances.put(Answer.class, List.of(new Answer(401, "1", "Authorization: Bearer [token hidden]", "text/plain", null)));
            instances.put(Verdict.class, List.of(Verdict.DELIVERED, Verdict.partiallyDelivered(3)));
            instances.put(HttpSettings.class, List.of(new HttpSettings(1, 1024, Duration.ofSeconds(1), true, 1,
                    Duration.ofSeconds(1), 1, Duration.ofSeconds(1), Duration.ofMillis(1), Duration.ofMinutes(1), 100, 100,
                    diagnostics, Clock.systemUTC())));
            Batch batch = otlp.batches().acquire(() -> true);
            instances.put(Batch.class, List.of(batch));
            otlp.batches().release(batch);
            instances.put(LineFormat.class, List.of(new ConsoleFormat(ZoneOffset.UTC, 100), new JsonLineFormat(100, 100)));
            instances.put(JsonLineFormat.class, List.of(new JsonLineFormat(100, 100)));
            instances.put(JsonText.class, List.of(new JsonText()));
            instances.put(WrittenKeys.class, List.of(new WrittenKeys()));
            instances.put(ConsoleSink.class, List.of(console));
            instances.put(ConsoleFormat.class, List.of(new ConsoleFormat(ZoneOffset.UTC, 100)));
            instances.put(EventTranslator.class, List.<Object>of(Events.TEXT));
            instances.put(Diagnostics.class, List.of(diagnostics));
            instances.put(EventSerializer.class, List.of(serializer));
            instances.put(OutputBuffer.class, List.of(serialized));
            instances.put(LogEvent.class, List.of(event));
            instances.put(PipelineMXBean.class, List.of(
                    JMX.newMXBeanProxy(server, new ObjectName("dev.ringtail:type=Pipeline"), PipelineMXBean.class)));
            instances.put(SinkMXBean.class, List.of(
                    JMX.newMXBeanProxy(server, new ObjectName("dev.ringtail:type=Sink,name=betterstack"), SinkMXBean.class)));

            instances.put(LevelsMXBean.class, List.of(levelsBean,
                    JMX.newMXBeanProxy(server, new ObjectName(LevelsBean.NAME), LevelsMXBean.class)));
            instances.put(LevelsBean.class, List.of(levelsBean));
            instances.put(LevelRegistry.class, List.of(levels));
            instances.put(LevelRegistry.ThresholdWriter.class, List.of(writer));
            instances.put(LevelListener.class, List.of(listener));

            instances.put(RecursionGuard.Depth.class, List.of(RecursionGuard.current()));
            KeyValues keyValues = new KeyValues();
            keyValues.add("user", "ada");
            instances.put(KeyValues.class, List.of(keyValues));
            instances.put(DropCounter.class, List.of(new DropCounter()));
            ThreadCounts threadCounts = new ThreadCounts();
            instances.put(ThreadCounts.class, List.of(threadCounts));
            instances.put(ThreadCounts.Cell.class, List.of(threadCounts.newCell(Thread.currentThread())));
            instances.put(Backlog.class, List.of(Backlog.NONE));
            dev.ringtail.internal.diag.Secrets registered = new dev.ringtail.internal.diag.Secrets();
            registered.add(TOKEN);
            instances.put(dev.ringtail.internal.diag.Secrets.class, List.of(registered));
            instances.put(ShedPolicy.class, List.of(new ShedPolicy()));
            BufferPool.Buffer buffer = new BufferPool.Buffer() {
                @Override
                public void clear() {
                }

                @Override
                public int abandon(SinkCounters counters) {
                    return 0;
                }
            };
            instances.put(BufferPool.Buffer.class, List.of(buffer));
            instances.put(BufferPool.class, List.of(new BufferPool<>(List.of(buffer))));
            Markers markers = new Markers();
            markers.add("AUDIT");
            instances.put(Markers.class, List.of(markers));
            BoundedText text = new BoundedText(16);
            text.append("a message");
            instances.put(BoundedText.class, List.of(text));
            instances.put(EventView.class, List.of(TestEvents.event(Level.INFO, "viewed")));
            instances.put(PipelineBuilder.class, List.of(Pipeline.builder().sink(console)));

            Secrets secrets = new Secrets(TOKEN);
            List<Class<?>> types = PublicTypes.besides(Pipeline.class);
            assertThat(types).as("the scan finds the public API").contains(Pipeline.class, BetterStackSinkBuilder.class,
                    RingtailConfig.class, LogEvent.Kind.class);
            for (Class<?> type : types) {
                for (Object instance : instancesOf(type, instances)) {
                    assertThat(type.isInstance(instance)).as(type.getName()).isTrue();
                    String leak = secrets.findIn(String.valueOf(instance));
                    if (leak != null) {
                        fail(type.getName() + ".toString() shows the token: " + leak);
                    }
                }
            }
            assertThat(secrets.findIn(stderr.text())).isNull();
        } finally {
            pipeline.shutdown(Duration.ofSeconds(5));
        }
    }

    /** The protocol an HTTP sink was built with: its real instance, holding the real credentials. */
    private static Object protocolOf(HttpSink sink) throws ReflectiveOperationException {
        Field field = HttpSink.class.getDeclaredField("protocol");
        field.setAccessible(true);
        return field.get(sink);
    }

    /** The spool side of a sink built with one: what its counters read the spool's numbers from. */
    private static Object spoolGaugeOf(HttpSink sink) throws ReflectiveOperationException {
        Field field = SinkCounters.class.getDeclaredField("spool");
        field.setAccessible(true);
        return field.get(sink.counters());
    }

    private static Spool.Listener spoolGaugeListener(HttpSink sink) throws ReflectiveOperationException {
        return (Spool.Listener) spoolGaugeOf(sink);
    }

    private static List<Object> instancesOf(Class<?> type, Map<Class<?>, List<Object>> instances) {
        if (type.isEnum()) {
            return Arrays.asList(type.getEnumConstants());
        }
        List<Object> given = instances.get(type);
        if (given != null) {
            return given;
        }
        if (PublicTypes.staticOnly(type)) {
            return List.of(); // a holder of static methods (StackTraces, RecursionGuard): no instance exists
        }
        throw new AssertionError("public type " + type.getName() + " has no instance in this test: add a sensible one,"
                + " built with the token if it can hold one");
    }
}
