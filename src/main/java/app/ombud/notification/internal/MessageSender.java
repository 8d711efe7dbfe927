package app.ombud.notification.internal;

import app.ombud.notification.Channel;

/** Delivers messages of a channel; throws when the receiver did not accept the message. */
public interface MessageSender {

    boolean supports(Channel channel);

    void send(OutboxDocument message) throws Exception;
}
