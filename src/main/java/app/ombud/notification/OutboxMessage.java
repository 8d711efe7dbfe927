package app.ombud.notification;

import java.util.UUID;

/**
 * A message to send. Its {@code id} is the idempotency key: enqueueing the same id twice sends
 * once, and the receiver gets the same key on every retry (SMTP Message-ID, gateway header).
 * A module that changes state and must send a message embeds the message in the same document
 * update and hands it over later (see {@link OutboxSource}), so a crash loses nothing.
 */
public record OutboxMessage(UUID id, Channel channel, String recipient, String subject, String body,
        String sourceType, String sourceId) {
}
