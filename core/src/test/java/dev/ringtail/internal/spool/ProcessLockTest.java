package dev.ringtail.internal.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringtail.testing.ChildJvm;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One process owns a spool directory at a time, and the next one can take it over once it is gone. */
class ProcessLockTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void whileAnotherProcessOwnsTheDirectoryOpenIsRefusedAndAfterItExitsItWorks() throws Exception {
        try (ChildJvm child = ChildJvm.start(SpoolOwner.class, dir.toString())) {
            assertThat(child.readLine(TIMEOUT)).isEqualTo("owned");
            assertThatThrownBy(() -> Spool.open(dir, 1024 * 1024, new Recorder()))
                    .isInstanceOf(SpoolLockedException.class)
                    .hasMessageContaining(dir.toString())
                    .hasMessageContaining("another process")
                    .hasMessageContaining("pid " + child.pid());
            child.closeStdin();
            assertThat(child.readLine(TIMEOUT)).isEqualTo("closed");
            assertThat(child.exitValue(TIMEOUT)).isZero();
        }
        Recorder recorder = new Recorder();
        try (Spool spool = Spool.open(dir, 1024 * 1024, recorder)) {
            assertThat(Payloads.numberOf(spool.peek())).as("what the other process left").isEqualTo(42);
            assertThat(spool.peek().earlier()).isTrue();
        }
    }

    @Test
    void aProcessThatDiesReleasesTheDirectory() throws Exception {
        try (ChildJvm child = ChildJvm.start(SpoolOwner.class, dir.toString())) {
            assertThat(child.readLine(TIMEOUT)).isEqualTo("owned");
            child.kill(); // kill -9: no close, no shutdown hook
            assertThat(child.exitValue(TIMEOUT)).isNotZero();
        }
        try (Spool spool = Spool.open(dir, 1024 * 1024, new Recorder())) {
            assertThat(Payloads.numberOf(spool.peek())).as("written, never synced, and kept all the same").isEqualTo(42);
        }
    }

    @Test
    void anotherProcessIsRefusedWhileThisOneOwnsTheDirectory() throws Exception {
        try (Spool spool = Spool.open(dir, 1024 * 1024, new Recorder())) {
            Payloads.append(spool, 1, 10);
            try (ChildJvm child = ChildJvm.start(SpoolOwner.class, dir.toString())) {
                assertThat(child.readLine(TIMEOUT)).startsWith("locked ").contains("pid " + ProcessHandle.current().pid());
                assertThat(child.exitValue(TIMEOUT)).isZero();
            }
            assertThat(Payloads.numberOf(spool.peek())).as("the refused process touched nothing").isEqualTo(1);
        }
    }
}
