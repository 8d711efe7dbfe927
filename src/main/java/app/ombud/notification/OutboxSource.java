package app.ombud.notification;

import java.util.Collection;
import java.util.List;

/**
 * A module whose documents hold messages waiting to go to the outbox. The relay job asks each
 * source for pending messages, enqueues them (idempotently), then tells the source which ones
 * it may drop. If Ombud stops between the two steps, the next run enqueues them again: the
 * duplicate ids are ignored.
 */
public interface OutboxSource {

    /** At most {@code max} messages still to be handed over. */
    List<OutboxMessage> pendingMessages(int max);

    /** These messages are in the outbox now; remove their pending markers. */
    void relayed(Collection<OutboxMessage> messages);
}
