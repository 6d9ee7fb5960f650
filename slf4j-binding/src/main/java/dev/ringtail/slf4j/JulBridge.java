package dev.ringtail.slf4j;

import java.lang.reflect.Method;

/** Stand-in: routes java.util.logging into SLF4J (ringtail) when jul-to-slf4j is present. Idempotent. */
public final class JulBridge {
    private JulBridge() {
    }

    /** Installs the bridge on JUL's root logger, replacing its handlers, unless it is there already. */
    public static synchronized void install() {
        try {
            Class<?> handler = Class.forName("org.slf4j.bridge.SLF4JBridgeHandler");
            Method installed = handler.getMethod("isInstalled");
            if (!(Boolean) installed.invoke(null)) {
                handler.getMethod("removeHandlersForRootLogger").invoke(null);
                handler.getMethod("install").invoke(null);
            }
        } catch (ReflectiveOperationException | LinkageError absent) {
            // no jul-to-slf4j (the all jar): JUL stays as it is
        }
    }
}
