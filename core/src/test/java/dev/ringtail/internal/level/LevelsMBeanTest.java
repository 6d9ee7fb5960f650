package dev.ringtail.internal.level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringtail.internal.config.RingtailConfig;
import dev.ringtail.internal.config.Thresholds;
import dev.ringtail.internal.ring.Pipeline;
import dev.ringtail.testing.CapturedOutput;
import dev.ringtail.testing.CollectingSink;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code dev.ringtail:type=Levels} on the platform MBean server, as a JMX console drives it. */
@Timeout(30)
class LevelsMBeanTest {
    private static final String[] TWO_STRINGS = {String.class.getName(), String.class.getName()};
    private static final String[] ONE_STRING = {String.class.getName()};

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final CapturedOutput err = new CapturedOutput();
    private final int[] cart = {-1};
    private ObjectName name;
    private Pipeline pipeline;

    @BeforeEach
    void startAPipelineWithTheLevelsBean() throws Exception {
        name = new ObjectName(LevelsBean.NAME);
        RingtailConfig config = RingtailConfig.of(Map.of("ringtail.level.com.shop.sql", "error"), Map.of(),
                new Properties(), err.diagnostics());
        LevelRegistry<int[]> levels = new LevelRegistry<>(config, false, (logger, threshold) -> logger[0] = threshold);
        levels.register("com.shop.Cart", cart);
        pipeline = Pipeline.builder().diagnostics(err.diagnostics()).sink(new CollectingSink())
                .mbean(LevelsBean.NAME, new LevelsBean(levels).mbean()).build().start();
    }

    @AfterEach
    void stop() {
        pipeline.shutdown(Duration.ofSeconds(5));
    }

    @Test
    void configuredListsPrefixEqualsLevelSortedByPrefix() throws Exception {
        String[] configured = (String[]) server.getAttribute(name, "Configured");

        assertThat(configured).containsExactly("ROOT=info", "com.shop.sql=error", "org.apache.hc=warn",
                "org.apache.hc.client5.http.headers=off", "org.apache.hc.client5.http.wire=off",
                "org.apache.hc.client5.http2=off");
    }

    @Test
    void setLevelChangesAnExistingLoggerAndGetLevelAnswersWhatIsInForce() throws Exception {
        server.invoke(name, "setLevel", new Object[] {"com.shop", "DEBUG"}, TWO_STRINGS);

        assertThat(cart[0]).isEqualTo(Thresholds.DEBUG);
        assertThat(server.invoke(name, "getLevel", new Object[] {"com.shop.Cart"}, ONE_STRING)).isEqualTo("debug");
        assertThat(server.invoke(name, "getLevel", new Object[] {"com.shop.sql.Pool"}, ONE_STRING)).isEqualTo("error");
        assertThat((String[]) server.getAttribute(name, "Configured")).contains("com.shop=debug");

        server.invoke(name, "setLevel", new Object[] {"com.shop", ""}, TWO_STRINGS);
        assertThat(cart[0]).as("an empty level: inherit again").isEqualTo(Thresholds.INFO);
        server.invoke(name, "setLevel", new Object[] {"ROOT", "warn"}, TWO_STRINGS);
        assertThat(cart[0]).isEqualTo(Thresholds.WARN);
        assertThat(server.invoke(name, "getLevel", new Object[] {"ROOT"}, ONE_STRING)).isEqualTo("warn");
    }

    @Test
    void anInvalidLevelIsRefusedWithItsValueInTheMessage() {
        assertThatThrownBy(() -> server.invoke(name, "setLevel", new Object[] {"com.shop", "loud"}, TWO_STRINGS))
                .isInstanceOf(RuntimeMBeanException.class)
                .cause().isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid level \"loud\"");
        assertThat(cart[0]).isEqualTo(Thresholds.INFO);
    }

    @Test
    void operationsNameTheirParametersForConsoles() throws Exception {
        MBeanOperationInfo setLevel = Arrays.stream(server.getMBeanInfo(name).getOperations())
                .filter(op -> op.getName().equals("setLevel")).findFirst().orElseThrow();

        assertThat(setLevel.getSignature()).extracting(MBeanParameterInfo::getName).containsExactly("name", "level");
    }

    @Test
    void theBeanLeavesWithThePipeline() {
        assertThat(server.isRegistered(name)).isTrue();
        pipeline.shutdown(Duration.ofSeconds(5));
        assertThat(server.isRegistered(name)).isFalse();
    }
}
