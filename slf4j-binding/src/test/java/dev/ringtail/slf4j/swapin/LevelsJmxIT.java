package dev.ringtail.slf4j.swapin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.tools.attach.VirtualMachine;
import dev.ringtail.LevelsMXBean;
import dev.ringtail.testing.Waiting;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.Test;

/**
 * {@code dev.ringtail:type=Levels} used as an operator would, from another JVM: the test attaches
 * to a running {@code swapin/LevelsApp.java} (the JDK's attach API starts its local JMX agent, as
 * JConsole does), changes a level over the remote connection, and the application's next call
 * obeys it.
 */
class LevelsJmxIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aLevelSetOverRemoteJmxIsObeyedByTheNextCall() throws Exception {
        SwapInApp app = new SwapInApp("LevelsApp");
        SwapInApp.Running running = app.start("-Xmx128m", List.of(), List.of());
        try (OutputStream commands = running.process.getOutputStream()) {
            Waiting.atMost(WAIT).until(() -> running.stdout().contains("APP ready"));
            command(commands, "log");
            Waiting.atMost(WAIT).until(() -> running.stdout().contains("[INFO] shop.levels.Cart: info call 1"));

            try (JMXConnector connector = JMXConnectorFactory.connect(localAgent(running.process.pid()))) {
                MBeanServerConnection server = connector.getMBeanServerConnection();
                ObjectName name = new ObjectName("dev.ringtail:type=Levels");
                LevelsMXBean levels = JMX.newMXBeanProxy(server, name, LevelsMXBean.class);
                assertThat(levels.getLevel("shop.levels.Cart")).isEqualTo("info");

                levels.setLevel("shop.levels", "debug");
                command(commands, "log");
                Waiting.atMost(WAIT).until(() -> running.stdout().contains("[DEBUG] shop.levels.Cart: debug call 2"));

                assertThat(levels.getLevel("shop.levels.Cart")).isEqualTo("debug");
                assertThat((String[]) server.getAttribute(name, "Configured")).contains("ROOT=info", "shop.levels=debug");
                assertThatThrownBy(() -> levels.setLevel("shop.levels", "loud"))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"loud\"");

                server.invoke(name, "setLevel", new Object[] {"shop.levels", ""},
                        new String[] {String.class.getName(), String.class.getName()});
                command(commands, "log");
                Waiting.atMost(WAIT).until(() -> running.stdout().contains("[INFO] shop.levels.Cart: info call 3"));
            }
            command(commands, "exit");
            assertThat(running.process.waitFor(30, TimeUnit.SECONDS)).as("the app exits").isTrue();
        } finally {
            running.process.destroyForcibly();
        }
        SwapInApp.Result result = running.result();
        assertThat(result.exitCode).as(result.toString()).isZero();
        assertThat(result.stdout).as(result.toString()).contains("[DEBUG] shop.levels.Cart: debug call 2")
                .doesNotContain("debug call 1", "debug call 3");
    }

    /** The JMX address of the running JVM's local agent, started through the attach API if need be. */
    private static JMXServiceURL localAgent(long pid) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
        try {
            return new JMXServiceURL(vm.startLocalManagementAgent());
        } finally {
            vm.detach();
        }
    }

    private static void command(OutputStream commands, String command) throws IOException {
        commands.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        commands.flush();
    }
}
