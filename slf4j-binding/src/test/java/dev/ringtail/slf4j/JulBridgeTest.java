package dev.ringtail.slf4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.internal.config.RingtailConfig;
import dev.ringtail.slf4j.jul.JulBridge;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The JUL bridge's lifecycle in this JVM: installed by the provider when {@code ringtail.jul},
 * idempotent, installed again after JUL's configuration was reset (as Spring Boot resets it), and
 * uninstalled with JUL's own handlers and levels back. The separate-JVM behaviour is JulBridgeIT's.
 */
class JulBridgeTest {
    @RegisterExtension
    final FreshSlf4jExtension slf4j = new FreshSlf4jExtension();

    private final Logger root = LogManager.getLogManager().getLogger("");

    @BeforeEach
    void julAsConfigured() throws Exception {
        LogManager.getLogManager().readConfiguration();
    }

    @AfterEach
    void resetJul() throws Exception {
        slf4j.reset(); // the provider's shutdown uninstalls its bridge
        LogManager.getLogManager().readConfiguration();
    }

    @Test
    void theProviderInstallsItsBridgeInPlaceOfJulsHandlersAndFindsIt() {
        slf4j.systemProperty("ringtail.level.shop.jul", "debug");
        LoggerFactory.getLogger("first"); // ringtail starts

        JulBridge bridge = JulBridge.active().orElseThrow();
        assertThat(bridge.isInstalled()).isTrue();
        assertThat(handlerTypes()).containsExactly(SLF4JBridgeHandler.class);
        assertThat(root.getLevel()).isEqualTo(Level.CONFIG);
        assertThat(Logger.getLogger("shop.jul").getLevel()).isEqualTo(Level.FINER);
    }

    @Test
    void installingAgainChangesNothingAndTakesOffHandlersAddedSince() {
        LoggerFactory.getLogger("first");
        JulBridge bridge = JulBridge.active().orElseThrow();
        ConsoleHandler added = new ConsoleHandler();
        root.addHandler(added);

        assertThat(bridge.install()).isTrue();
        assertThat(bridge.install()).isTrue();
        assertThat(handlerTypes()).containsExactly(SLF4JBridgeHandler.class);

        bridge.uninstall();
        assertThat(List.of(root.getHandlers())).as("the handlers it replaced, each once").hasSize(2).contains(added);
    }

    @Test
    void afterJulWasResetInstallPutsTheBridgeAndTheLevelsBack() throws Exception {
        slf4j.systemProperty("ringtail.level.shop.jul", "error");
        LoggerFactory.getLogger("first");
        JulBridge bridge = JulBridge.active().orElseThrow();

        LogManager.getLogManager().readConfiguration(); // what a LoggingSystem does while it initializes
        assertThat(handlerTypes()).containsExactly(ConsoleHandler.class);
        assertThat(Logger.getLogger("shop.jul").getLevel()).isNull();

        bridge.install();
        assertThat(handlerTypes()).containsExactly(SLF4JBridgeHandler.class);
        assertThat(root.getLevel()).isEqualTo(Level.CONFIG);
        assertThat(Logger.getLogger("shop.jul").getLevel()).isEqualTo(Level.SEVERE);
        Ringtail.setLevel("shop.jul", "warn");
        assertThat(Logger.getLogger("shop.jul").getLevel()).as("follows run-time changes").isEqualTo(Level.WARNING);

        bridge.uninstall();
        assertThat(handlerTypes()).as("the reset configuration's handler, once").containsExactly(ConsoleHandler.class);
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        assertThat(Logger.getLogger("shop.jul").getLevel()).isNull();
    }

    @Test
    void uninstalledJulNoLongerFollowsRingtailsLevels() {
        LoggerFactory.getLogger("first");
        JulBridge.active().orElseThrow().uninstall();

        Ringtail.setLevel("ROOT", "error");
        Ringtail.setLevel("shop.jul", "trace");

        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        assertThat(Logger.getLogger("shop.jul").getLevel()).isNull();
        assertThat(handlerTypes()).containsExactly(ConsoleHandler.class);
    }

    @Test
    void julFalseLeavesJulAloneButTheBridgeCanStillBeInstalled() {
        slf4j.systemProperty(RingtailConfig.JUL, "false");
        LoggerFactory.getLogger("first");

        JulBridge bridge = JulBridge.active().orElseThrow();
        assertThat(bridge.isInstalled()).isFalse();
        assertThat(handlerTypes()).containsExactly(ConsoleHandler.class);
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        assertThat(bridge.install()).isTrue();
        assertThat(handlerTypes()).containsExactly(SLF4JBridgeHandler.class);
    }

    @Test
    void anExplicitShutdownGivesJulItsHandlersBack() {
        LoggerFactory.getLogger("first");
        assertThat(handlerTypes()).containsExactly(SLF4JBridgeHandler.class);

        Ringtail.shutdown();

        assertThat(handlerTypes()).containsExactly(ConsoleHandler.class);
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
    }

    private List<Class<?>> handlerTypes() {
        List<Class<?>> types = new ArrayList<>();
        for (Handler handler : root.getHandlers()) {
            types.add(handler.getClass());
        }
        return types;
    }
}
