package app.ombud.notification.internal;

import app.ombud.notification.Channel;
import app.ombud.notification.OutboxEntry;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An outgoing message. {@code leaseUntil} marks a SENDING claim: if the instance that claimed it
 * dies before recording the result, the claim expires and the message is sent again, with the
 * same idempotency key, and its attempt count shows it.
 */
@Document("outbox")
@CompoundIndex(name = "status_next", def = "{'status': 1, 'nextAttemptAt': 1}")
public record OutboxDocument(@Id UUID id, Channel channel, String recipient, String subject, String body,
        OutboxEntry.Status status, int attempts, Instant createdAt, Instant nextAttemptAt, Instant leaseUntil,
        Instant sentAt, String lastError, String sourceType, String sourceId) {

    public OutboxEntry view() {
        return new OutboxEntry(id, channel, recipient, subject, body, status, attempts, createdAt, nextAttemptAt,
                sentAt, lastError, sourceType, sourceId);
    }
}
