package app.ombud.notification;

import java.time.Instant;
import java.util.UUID;

/** What admins see of an outgoing message and its delivery. */
public record OutboxEntry(UUID id, Channel channel, String recipient, String subject, String body,
        Status status, int attempts, Instant createdAt, Instant nextAttemptAt, Instant sentAt, String lastError,
        String sourceType, String sourceId) {

    /** Where a message stands. */
    public enum Status {
        /** Waiting for its (next) attempt. */
        PENDING,
        /** Being sent right now by one instance. */
        SENDING,
        /** Accepted by the mail server or gateway. */
        SENT,
        /** Only written to the log: its channel has no gateway or mail server. Nobody received it. */
        LOGGED,
        /** Given up after the last retry; an admin can retry it. */
        FAILED
    }
}
