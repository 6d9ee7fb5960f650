package dev.ringtail.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The stack text is the JDK's printStackTrace text, for a cause chain of any depth. */
class StackTracesTest {
    private static final String MARKER = "\n\t\u2026[truncated ";

    private static String rendered(Throwable t, int maxChars) {
        StringBuilder out = new StringBuilder();
        StackTraces.append(t, out, maxChars);
        return out.toString();
    }

    /** What the JDK prints, on a thread with a stack big enough for its recursion. */
    private static String jdk(Throwable t) throws InterruptedException {
        AtomicReference<String> text = new AtomicReference<>();
        Thread printer = new Thread(null, () -> {
            StringWriter out = new StringWriter();
            t.printStackTrace(new PrintWriter(out, true));
            text.set(out.toString().replace(System.lineSeparator(), "\n").stripTrailing());
        }, "jdk-printer", 1L << 30);
        printer.start();
        printer.join();
        return text.get();
    }

    private static Exception thrownFrom(int depth, String message) {
        return depth == 0 ? new IllegalStateException(message) : thrownFrom(depth - 1, message);
    }

    @Test
    void ordinaryExceptionsRenderAsTheJdkPrintsThem() throws Exception {
        Exception plain = new IllegalArgumentException("bad");
        Exception caused = new RuntimeException("outer", thrownFrom(3, "inner"));
        Exception withSuppressed = new Exception("main");
        Exception first = new IOException("first", new IllegalStateException("first's cause"));
        first.addSuppressed(thrownFrom(2, "nested suppressed"));
        withSuppressed.addSuppressed(first);
        withSuppressed.addSuppressed(new UncheckedIOException(new IOException("second")));
        withSuppressed.initCause(thrownFrom(5, "cause"));
        Exception noFrames = new Exception("no frames", new Exception("cause without frames"));
        noFrames.getCause().setStackTrace(new StackTraceElement[0]);
        Exception nullMessage = new Exception((String) null);

        for (Throwable t : new Throwable[] {plain, caused, withSuppressed, noFrames, nullMessage}) {
            assertThat(rendered(t, Integer.MAX_VALUE)).isEqualTo(jdk(t));
        }
    }

    @Test
    void cyclesAndRepeatsEndAsTheJdkEndsThem() throws Exception {
        Exception a = new Exception("a");
        Exception b = new Exception("b", a);
        a.initCause(b);
        Exception shared = new Exception("shared");
        Exception twice = new Exception("twice");
        twice.addSuppressed(shared);
        twice.addSuppressed(shared);
        Exception selfSuppressing = new Exception("self");
        Exception inner = new Exception("inner", selfSuppressing);
        selfSuppressing.addSuppressed(inner);

        for (Throwable t : new Throwable[] {a, twice, selfSuppressing}) {
            String text = rendered(t, Integer.MAX_VALUE);
            assertThat(text).isEqualTo(jdk(t)).contains("[CIRCULAR REFERENCE: ");
        }
    }

    @Test
    void aChainOf5000CausesRendersInFull() throws Exception {
        Throwable chain = chain(5_000);
        String text = rendered(chain, 16 * 1024 * 1024);
        assertThat(text).doesNotContain("FAILED").isEqualTo(jdk(chain));
    }

    @Test
    void aChainOf5000CausesIsCutAtTheLimitAndShowsTheTop() throws Exception {
        Throwable chain = chain(5_000);
        String text = rendered(chain, 32_768);
        assertThat(text.length()).isLessThanOrEqualTo(32_768 + "\n\t\u2026[truncated more than 2147483647 chars]".length());
        assertThat(text).contains(MARKER).endsWith(" chars]");
        String body = text.substring(0, text.lastIndexOf(MARKER));
        assertThat(jdk(chain)).startsWith(body);
        assertThat(body).startsWith("java.lang.RuntimeException: level 5000\n\tat ").hasSizeGreaterThan(32_000);
    }

    @Test
    void aChainOf100000CausesIsBoundedValidAndShowsTheTop() {
        Throwable chain = chain(100_000);
        long started = System.nanoTime();
        String text = rendered(chain, 32_768);
        assertThat(System.nanoTime() - started).as("rendering time, ns").isLessThan(10_000_000_000L);
        assertThat(text.length()).isLessThanOrEqualTo(32_768 + 64);
        assertThat(text).startsWith("java.lang.RuntimeException: level 100000\n\tat ")
                .contains("\nCaused by: java.lang.RuntimeException: level 99999\n\t... ")
                .matches("(?s).*\n\t\u2026\\[truncated more than \\d+ chars\\]");
        String body = text.substring(0, text.lastIndexOf(MARKER));
        String[] lines = body.split("\n");
        for (int i = 0; i < lines.length - 1; i++) { // the last line may be cut anywhere
            assertThat(lines[i]).matches("(Caused by: )?java\\.lang\\.RuntimeException: level \\d+|\tat .+|\t\\.\\.\\. \\d+ more");
        }
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        Exception emoji = new Exception("\uD83D\uDE00".repeat(100));
        for (int max = 1; max < 60; max++) {
            String text = rendered(emoji, max);
            String body = text.substring(0, text.lastIndexOf(MARKER));
            assertThat(Character.isHighSurrogate(body.charAt(body.length() - 1))).as("cut at %d", max).isFalse();
        }
    }

    @Test
    void aThrowableWhoseToStringThrowsStillYieldsText() {
        Exception hostile = new Exception() {
            @Override
            public String toString() {
                throw new IllegalStateException("hostile");
            }
        };
        assertThat(rendered(hostile, 1000)).endsWith(": [FAILED printStackTrace(): java.lang.IllegalStateException]");
    }

    /** Built in a loop, as a retry wrapper does: every cause shares all but one frame. */
    private static Throwable chain(int depth) {
        Throwable t = new RuntimeException("level 0");
        for (int i = 1; i <= depth; i++) {
            t = new RuntimeException("level " + i, t);
        }
        return t;
    }
}
