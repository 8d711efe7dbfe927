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

    /** Masks a phone number or address for logs: 138****5678, z***@example.com. */
    static String mask(String recipient) {
        if (recipient == null) {
            return "";
        }
        int at = recipient.indexOf('@');
        if (at > 0) {
            return recipient.charAt(0) + "***" + recipient.substring(at);
        }
        if (recipient.length() >= 7) {
            return recipient.substring(0, 3) + "****" + recipient.substring(recipient.length() - 4);
        }
        return "****";
    }
}
