package dev.ringtail.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.testing.Waiting;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SequencerTest {

    @Test
    void aBatchsTurnComesOnceEveryEarlierBatchIsResolvedInWhateverOrder() throws Exception {
        Sequencer sequencer = new Sequencer();
        Batch first = batch();
        Batch second = batch();
        Batch third = batch();
        sequencer.issue(first);
        sequencer.issue(second);
        sequencer.issue(third);
        assertThat(sequencer.awaitTurn(first.ticket())).as("nothing before the first").isTrue();

        AtomicBoolean thirdsTurn = new AtomicBoolean();
        Thread waiter = new Thread(() -> thirdsTurn.set(sequencer.awaitTurn(third.ticket())));
        waiter.start();
        sequencer.resolve(second.ticket()); // resolved out of order: the first is still out
        Waiting.atMost(Duration.ofSeconds(5)).until(() -> waiter.getState() == Thread.State.WAITING);
        assertThat(thirdsTurn.get()).isFalse();
        assertThat(sequencer.outstanding()).containsExactly(first, third);

        sequencer.resolve(first.ticket());
        waiter.join(5_000);
        assertThat(thirdsTurn.get()).isTrue();
        assertThat(sequencer.outstanding()).containsExactly(third);
    }

    @Test
    void anInterruptedWaitGivesUpAndLeavesTheBatchForClose() throws Exception {
        Sequencer sequencer = new Sequencer();
        Batch held = batch();
        Batch waiting = batch();
        sequencer.issue(held);
        sequencer.issue(waiting);
        AtomicBoolean turn = new AtomicBoolean(true);
        Thread waiter = new Thread(() -> turn.set(sequencer.awaitTurn(waiting.ticket())));
        waiter.start();
        Waiting.atMost(Duration.ofSeconds(5)).until(() -> waiter.getState() == Thread.State.WAITING);
        waiter.interrupt();
        waiter.join(5_000);
        assertThat(turn.get()).isFalse();
        assertThat(sequencer.outstanding()).containsExactly(held, waiting);
    }

    private static Batch batch() {
        return new Batch(64, 1024);
    }
}
