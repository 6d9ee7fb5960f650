package dev.ringtail.slf4j.swapin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.testing.IngestServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The all jar ships over HTTPS, the way it reaches BetterStack, to a loopback receiver whose
 * self-signed certificate (made here with keytool, for IP 127.0.0.1) is the JVM's whole trust
 * store. With a class-loading log, the run also shows what the jar's trimmed contents rest on:
 * of the HTTP/2 module only the classes the jar keeps get loaded, over TLS and over plain http,
 * and the public suffix list's loader is never touched (so the list the jar leaves out is not
 * missed).
 */
class TlsSwapInIT {
    private static final String TOKEN = "it-tls-token-0123456789wxyz";
    private static final char[] PASSWORD = "it-tls-password".toCharArray();
    private static final String HTTP2 = "dev.ringtail.shaded.org.apache.hc.core5.http2.";
    private static final Pattern LOADED = Pattern.compile("\\[class,load\\] (\\S+) source: (.*)");

    private static SwapInApp app;
    private static Path work;
    private static Path trustStore;
    private static SSLContext serverTls;

    @BeforeAll
    static void certificate() throws Exception {
        app = new SwapInApp();
        work = Files.createDirectories(Paths.get(System.getProperty("ringtail.it.work")).resolve("tls"));
        Path keyStore = work.resolve("receiver.p12");
        Files.deleteIfExists(keyStore);
        Process keytool = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "receiver", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();

        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD);
        serverTls = SSLContext.getInstance("TLS");
        serverTls.init(keyManagers.getKeyManagers(), null, null);

        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("receiver", keys.getCertificate("receiver"));
        trustStore = work.resolve("trust.p12");
        try (OutputStream out = Files.newOutputStream(trustStore)) {
            trust.store(out, PASSWORD);
        }
    }

    @Test
    void everyEventArrivesOverHttpsAndOfHttp2OnlyWhatTheJarKeepsIsLoaded() throws Exception {
        try (IngestServer receiver = IngestServer.start(TOKEN, serverTls)) {
            assertThat(receiver.uri().toString()).startsWith("https://127.0.0.1:");
            Path classLog = work.resolve("https-classes.log");
            SwapInApp.Result run = app.run(List.of(
                    "-Dringtail.betterstack.token=" + TOKEN,
                    "-Dringtail.betterstack.endpoint=" + receiver.uri(),
                    "-Djavax.net.ssl.trustStore=" + trustStore,
                    "-Djavax.net.ssl.trustStoreType=PKCS12",
                    "-Djavax.net.ssl.trustStorePassword=" + new String(PASSWORD),
                    "-Xlog:class+load=info:file=" + classLog), List.of());

            assertThat(run.exitCode).as(run.toString()).isZero();
            assertThat(run.ringtailStderrLines()).as(run.toString()).containsExactly(
                    "ringtail: logs go to console (stdout) and BetterStack 127.0.0.1 (token ****wxyz)");
            assertThat(run.stderr).as(run.toString()).doesNotContain("Exception", "Error");
            assertThat(receiver.problems()).isEmpty();
            assertThat(receiver.events()).extracting(e -> e.get("message")).containsExactly(
                    "Order 42 placed", "Payment failed for order 42", "Checkout crashed for ann", "from worker");

            Map<String, String> loaded = loadedClasses(classLog);
            assertThat(loaded).as("a TLS handshake ran (a plain http run loads no SSLSocketImpl)")
                    .containsKeys("sun.security.ssl.SSLSocketImpl", "sun.security.ssl.ClientHello");
            assertThat(loaded.get("dev.ringtail.shaded.org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy"))
                    .as("the relocated client, from the all jar").endsWith("-all.jar");
            assertTrimmedContentsSuffice(loaded);
        }
    }

    @Test
    void everyEventArrivesOverPlainHttpTooAndTheTrimmedContentsSuffice() throws Exception {
        try (IngestServer receiver = IngestServer.start(TOKEN)) {
            Path classLog = work.resolve("http-classes.log");
            SwapInApp.Result run = app.run(List.of(
                    "-Dringtail.betterstack.token=" + TOKEN,
                    "-Dringtail.betterstack.endpoint=" + receiver.uri(),
                    "-Xlog:class+load=info:file=" + classLog), List.of());

            assertThat(run.exitCode).as(run.toString()).isZero();
            assertThat(run.ringtailStderrLines()).as(run.toString()).hasSize(1);
            assertThat(receiver.events()).hasSize(4);
            assertTrimmedContentsSuffice(loadedClasses(classLog));
        }
    }

    private static void assertTrimmedContentsSuffice(Map<String, String> loaded) {
        Set<String> http2 = new TreeSet<>();
        for (String name : loaded.keySet()) {
            if (name.startsWith(HTTP2)) {
                http2.add(name.replace('.', '/') + ".class");
            }
        }
        assertThat(http2).as("HTTP/2 classes the client loaded, all kept in the jar")
                .isNotEmpty().isSubsetOf(AllJarContentsIT.KEPT_HTTP2_CLASSES);
        assertThat(loaded.keySet()).as("nothing reads the public suffix list")
                .noneMatch(n -> n.contains("PublicSuffix") || n.contains(".psl."));
    }

    /** Class name to where it was loaded from, from a {@code -Xlog:class+load} file. */
    private static Map<String, String> loadedClasses(Path log) throws Exception {
        Map<String, String> loaded = new HashMap<>();
        for (String line : Files.readAllLines(log)) {
            Matcher m = LOADED.matcher(line);
            if (m.find()) {
                loaded.put(m.group(1), m.group(2));
            }
        }
        assertThat(loaded).as("a class-loading log in " + log).containsKey("SwapInApp");
        return loaded;
    }
}
