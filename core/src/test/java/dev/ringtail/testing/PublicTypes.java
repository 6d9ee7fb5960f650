package dev.ringtail.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The public types of a module, read from its compiled classes, for the tests that must see every
 * one of them (the toString() secrecy tests of the core and the binding): a new public class
 * fails those tests until they are given an instance of it.
 */
public final class PublicTypes {
    private PublicTypes() {
    }

    /** Every public class, interface, enum and record (nested ones too) compiled next to {@code anchor}. */
    public static List<Class<?>> besides(Class<?> anchor) throws IOException, ClassNotFoundException {
        Path root;
        try {
            root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        assertThat(root).as("compiled classes of " + anchor.getName()).isDirectory();
        List<Class<?>> types = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
                name = name.substring(0, name.length() - ".class".length());
                if (name.endsWith("package-info") || name.endsWith("module-info")) {
                    continue;
                }
                Class<?> type = Class.forName(name, false, anchor.getClassLoader());
                if (isPublicApi(type)) {
                    types.add(type);
                }
            }
        }
        return types;
    }

    /** A holder of static methods only (StackTraces, RecursionGuard, Ringtail): no instance of it exists. */
    public static boolean staticOnly(Class<?> type) {
        return type.getConstructors().length == 0 && !type.isInterface()
                && Arrays.stream(type.getMethods()).filter(m -> m.getDeclaringClass() == type)
                        .allMatch(m -> Modifier.isStatic(m.getModifiers()));
    }

    private static boolean isPublicApi(Class<?> type) {
        if (type.isAnonymousClass() || type.isLocalClass() || type.isSynthetic()) {
            return false;
        }
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers())) {
                return false;
            }
        }
        return true;
    }
}
