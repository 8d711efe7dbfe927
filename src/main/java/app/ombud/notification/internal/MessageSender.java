package app.ombud.notification.internal;

import app.ombud.notification.Channel;
import app.ombud.notification.OutboxEntry;

/** Delivers messages of a channel; throws when the receiver did not accept the message. */
public interface MessageSender {

    boolean supports(Channel channel);

    void send(OutboxDocument message) throws Exception;

    /** What a message is once {@link #send} returned: SENT, or LOGGED for a sender that only logs it. */
    default OutboxEntry.Status outcome() {
        return OutboxEntry.Status.SENT;
    }
}
