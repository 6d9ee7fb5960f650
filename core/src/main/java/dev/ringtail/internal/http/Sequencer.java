package dev.ringtail.internal.http;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The order in which an HTTP sink's batches were sealed, so that what goes to the disk spool
 * goes there in that order even though several senders work at once.
 *
 * <p>The consumer {@linkplain #issue issues} each batch a ticket just before handing it to the
 * senders; the sender that took it {@linkplain #resolve resolves} the ticket once the batch is
 * done with (delivered, failed or spooled), exactly once, whatever happened. A sender about to
 * spool batch N first {@linkplain #awaitTurn waits} until every batch before N is resolved. Live
 * sends never wait here.
 *
 * <p>No wait can deadlock: senders take batches from one FIFO queue, so every batch before N was
 * taken before N, by a sender that is either sending it (a bounded request), or spooling it and
 * waiting for a batch before that one; the lowest unresolved batch is always held by a sender
 * that is not waiting. One monitor guards the map of tickets out; the map holds at most the
 * sink's batches (maxInFlight + 1).
 */
final class Sequencer {
    private final TreeMap<Long, Batch> out = new TreeMap<>();
    private long next;

    /** Gives {@code batch} the next ticket; called on the consumer thread, before the batch is handed over. */
    synchronized void issue(Batch batch) {
        long ticket = next++;
        batch.ticket(ticket);
        out.put(ticket, batch);
    }

    /** The batch with this ticket is done with: delivered, failed or spooled. */
    synchronized void resolve(long ticket) {
        if (out.remove(ticket) != null) {
            notifyAll();
        }
    }

    /**
     * Waits until every batch issued before {@code ticket} is resolved. False if interrupted:
     * the sink is closing, and close spools (or counts) what is still out.
     */
    synchronized boolean awaitTurn(long ticket) {
        try {
            while (!out.isEmpty() && out.firstKey() < ticket) {
                wait();
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The batches issued and not yet resolved, in ticket order: what close spools at its deadline. */
    synchronized List<Batch> outstanding() {
        return new ArrayList<>(out.values());
    }
}
