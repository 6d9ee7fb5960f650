package dev.ringtail.slf4j.jul;

import dev.ringtail.internal.config.RingtailConfig;
import dev.ringtail.internal.diag.Diagnostics;
import dev.ringtail.internal.level.LevelListener;
import dev.ringtail.internal.level.LevelRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Routes {@code java.util.logging} into ringtail ({@code ringtail.jul}): jul-to-slf4j's
 * {@code SLF4JBridgeHandler} on JUL's root logger in place of the handlers there, and JUL's
 * levels following ringtail's ({@link JulLevels}), at start-up and on every level set at run time,
 * so a JUL call below ringtail's level stops at JUL's own level check.
 *
 * <p>The provider installs it when it starts if {@code ringtail.jul} is true, and uninstalls it
 * at an explicit shutdown. Whatever resets JUL's configuration (Spring Boot does while it
 * initializes) removes the handler and the levels: call {@link #install()} again afterwards;
 * {@code JulBridge.active().ifPresent(JulBridge::install)}. Both methods are idempotent.
 *
 * <p>No loop: a JUL record logged from inside ringtail (a consumer thread, a {@code toString()}
 * being formatted) reaches the bridge, and then ringtail's recursion guard, which counts it
 * re-entrant and prints it on stderr; stderr does not go through JUL.
 */
public final class JulBridge implements LevelListener {
    /** Implemented by what owns the provider's bridge, for {@link #active()}. */
    public interface Owner {
        JulBridge julBridge();
    }

    private final LevelRegistry<?> levels;
    private final Diagnostics diagnostics;
    private final JulLevels julLevels = new JulLevels();
    private final List<Handler> removed = new ArrayList<>();
    private Handler handler;
    private boolean installed;
    private boolean listening;

    public JulBridge(LevelRegistry<?> levels, Diagnostics diagnostics) {
        this.levels = levels;
        this.diagnostics = diagnostics;
    }

    /** The bridge of the provider SLF4J is bound to, if that is ringtail and it has finished starting. */
    public static Optional<JulBridge> active() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        return factory instanceof Owner owner ? Optional.ofNullable(owner.julBridge()) : Optional.empty();
    }

    /**
     * Puts the bridge on JUL's root logger in place of its other handlers and sets JUL's levels
     * from ringtail's. Called again, it takes off any handler added to the root since and sets the
     * levels again.
     *
     * @return false if jul-to-slf4j is not on the class path (said once on stderr)
     */
    public synchronized boolean install() {
        Handler bridge = handler();
        if (bridge == null) {
            return false;
        }
        Logger root = LogManager.getLogManager().getLogger("");
        boolean present = List.of(root.getHandlers()).contains(bridge);
        if (!present) {
            // first install, or JUL was reset since: the handlers and levels recorded before are gone
            removed.clear();
            julLevels.forget();
        }
        for (Handler other : root.getHandlers()) {
            if (other != bridge) {
                root.removeHandler(other);
                removed.add(other);
            }
        }
        if (!present) {
            root.addHandler(bridge);
        }
        installed = true;
        if (!listening) {
            levels.addListener(this);
            listening = true;
        }
        Map<String, String> configured = levels.configuredLevels();
        for (String prefix : julLevels.followedPrefixes()) {
            if (!configured.containsKey(prefix)) {
                julLevels.follow(prefix, null);
            }
        }
        for (String prefix : configured.keySet()) {
            julLevels.follow(prefix, levels.configured(prefix));
        }
        return true;
    }

    /**
     * Takes the bridge off JUL's root logger, puts back the handlers it replaced and JUL's levels
     * as they were. JUL no longer follows ringtail's levels.
     */
    public synchronized void uninstall() {
        if (!installed) {
            return;
        }
        Logger root = LogManager.getLogManager().getLogger("");
        root.removeHandler(handler);
        for (Handler other : removed) {
            root.addHandler(other);
        }
        removed.clear();
        julLevels.restore();
        installed = false;
    }

    public synchronized boolean isInstalled() {
        return installed;
    }

    /** Follows a level set at run time; reads the registry, so changes told out of order still end right. */
    @Override
    public synchronized void levelChanged(String prefix) {
        if (installed) {
            julLevels.follow(prefix, levels.configured(prefix));
        }
    }

    private Handler handler() {
        if (handler == null) {
            try {
                handler = BridgeHandler.create();
            } catch (LinkageError missing) {
                diagnostics.once("jul", "java.util.logging is not routed into ringtail (" + RingtailConfig.JUL
                        + "): jul-to-slf4j is not on the class path (" + missing + ")");
            }
        }
        return handler;
    }

    /**
     * Holds the one reference to jul-to-slf4j, so that JulBridge itself loads without it: the
     * class that names SLF4JBridgeHandler fails to link, at the first call, when it is missing.
     */
    private static final class BridgeHandler {
        static Handler create() {
            return new SLF4JBridgeHandler();
        }
    }
}
