package dev.ringtail.slf4j.swapin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What the all jar holds, entry by entry: it may only add classes under {@code dev/ringtail/} to
 * an application's class path (ringtail's own, and its dependencies relocated under
 * {@code dev/ringtail/shaded/}), so that nothing in it can shadow or be shadowed by the
 * application's own copies of the same libraries.
 */
class AllJarContentsIT {
    /**
     * The HTTP/2 module's classes the jar keeps (slf4j-binding/pom.xml, the httpcore5-h2 filter):
     * the ones httpclient5's classic client, its config and its TLS code name. The rest of the
     * module serves the async client only.
     */
    static final Set<String> KEPT_HTTP2_CLASSES = Set.of(
            "dev/ringtail/shaded/org/apache/hc/core5/http2/HttpVersionPolicy.class",
            "dev/ringtail/shaded/org/apache/hc/core5/http2/priority/PriorityValue.class",
            "dev/ringtail/shaded/org/apache/hc/core5/http2/ssl/ApplicationProtocol.class",
            "dev/ringtail/shaded/org/apache/hc/core5/http2/ssl/H2TlsSupport.class",
            "dev/ringtail/shaded/org/apache/hc/core5/http2/ssl/H2TlsSupport$1.class");
    private static final String SHADED = "dev.ringtail.shaded.";

    private static Path allJar;
    private static List<String> entries;

    @BeforeAll
    static void list() throws Exception {
        allJar = Paths.get(System.getProperty("ringtail.it.allJar"));
        try (ZipFile jar = new ZipFile(allJar.toFile())) {
            entries = Collections.list(jar.entries()).stream().map(ZipEntry::getName).toList();
        }
        assertThat(entries).as("entries of " + allJar).contains("dev/ringtail/slf4j/Ringtail.class",
                "META-INF/services/org.slf4j.spi.SLF4JServiceProvider");
    }

    @Test
    void everyClassIsRingtailsOwnOrRelocatedUnderDevRingtailShaded() {
        assertThat(entries.stream().filter(e -> e.endsWith(".class")))
                .allMatch(e -> e.startsWith("dev/ringtail/"))
                .anyMatch(e -> e.startsWith("dev/ringtail/shaded/com/lmax/disruptor/"))
                .anyMatch(e -> e.startsWith("dev/ringtail/shaded/com/fasterxml/jackson/core/"))
                .anyMatch(e -> e.startsWith("dev/ringtail/shaded/org/apache/hc/client5/"))
                .anyMatch(e -> e.startsWith("dev/ringtail/shaded/org/apache/hc/core5/"))
                .contains("dev/ringtail/shaded/org/slf4j/bridge/SLF4JBridgeHandler.class");
        assertThat(entries).as("not slf4j-api: the application brings it")
                .noneMatch(e -> e.startsWith("org/slf4j/"));
    }

    @Test
    void holdsRingtailsSpringBootLoggingSystemButNothingOfSpring() {
        assertThat(entries).contains("dev/ringtail/slf4j/spring/RingtailLoggingSystem.class",
                "dev/ringtail/slf4j/spring/RingtailLoggingSystem$Factory.class", "META-INF/spring.factories");
        assertThat(entries).as("Spring Boot is the application's, and optional")
                .noneMatch(e -> e.startsWith("org/springframework/") || e.startsWith("io/micrometer/"));
    }

    @Test
    void holdsNoModuleDescriptorAndNoVersionedClasses() {
        assertThat(entries).noneMatch(e -> e.endsWith("module-info.class"))
                .as("shade does not relocate inside META-INF/versions").noneMatch(e -> e.startsWith("META-INF/versions/"));
    }

    @Test
    void holdsNoPublicSuffixList() {
        // httpclient5 5.x ships it as org/publicsuffix/list/effective_tld_names.dat (4.x as
        // mozilla/public-suffix-list.txt); its classes that would read it stay, they are never run
        assertThat(entries.stream().filter(e -> !e.endsWith(".class")))
                .noneMatch(e -> e.toLowerCase().matches(".*(publicsuffix|public-suffix|effective_tld_names).*"));
    }

    @Test
    void keepsOfTheHttp2ModuleOnlyTheClassesTheClassicClientNames() {
        assertThat(entries.stream().filter(e -> e.startsWith("dev/ringtail/shaded/org/apache/hc/core5/http2/")
                && e.endsWith(".class"))).containsExactlyInAnyOrderElementsOf(KEPT_HTTP2_CLASSES);
    }

    /**
     * jdeps lists every class the jar's classes name that is not in the jar (nor the JDK or
     * slf4j-api). A missing relocated class may be named only by the async client, which ringtail
     * never builds: a newer httpclient5 whose classic client names another HTTP/2 class fails here.
     * Unrelocated names missing are httpclient5's optional dependencies (brotli, zstd,
     * commons-compress for content compression, which ringtail disables; Conscrypt).
     */
    @Test
    void everyMissingClassIsNamedOnlyByCodeRingtailNeverRuns() {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String slf4jApi = SwapInApp.jarOf(LoggerFactory.class).toString();
        int status = jdeps.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                "--multi-release", "17", "-verbose:class", "-cp", slf4jApi, allJar.toString());
        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();

        Pattern edge = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)\\s+not found$", Pattern.MULTILINE);
        Matcher m = edge.matcher(report);
        List<String> unexpected = new ArrayList<>();
        Set<String> missingRelocated = new TreeSet<>();
        int edges = 0;
        while (m.find()) {
            edges++;
            String from = m.group(1);
            String to = m.group(2);
            if (to.startsWith(SHADED)) {
                missingRelocated.add(to);
                if (!neverRun(from)) {
                    unexpected.add(from + " -> " + to);
                }
            } else if (from.startsWith("dev.ringtail.slf4j.spring.") && to.startsWith("org.springframework.")) {
                continue; // loaded only by Spring Boot, which brings these
            } else if (!to.matches("(com\\.aayushatharva\\.brotli4j|com\\.github\\.luben\\.zstd"
                    + "|org\\.apache\\.commons\\.compress|org\\.conscrypt)\\..*")) {
                unexpected.add(from + " -> " + to);
            }
        }
        assertThat(edges).as("jdeps found the async client's HTTP/2 references, so it did look").isPositive();
        assertThat(missingRelocated).as("only HTTP/2 classes are left out").allMatch(n -> n.startsWith(SHADED
                + "org.apache.hc.core5.http2."));
        assertThat(unexpected).as("classes missing from the jar, named by code that can run").isEmpty();
    }

    /** httpclient5's async client and its HTTP/2 support: ringtail builds the classic client only. */
    private static boolean neverRun(String className) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        return className.startsWith(SHADED + "org.apache.hc.client5.http.impl.async.")
                || className.startsWith(SHADED + "org.apache.hc.client5.http.impl.nio.")
                || className.startsWith(SHADED + "org.apache.hc.client5.http.async.")
                || simple.startsWith("H2");
    }
}
