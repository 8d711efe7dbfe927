package app.ombud.notification.internal;

import app.ombud.notification.Channel;
import app.ombud.notification.OutboxEntry;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An outgoing message. {@code leaseUntil} marks a SENDING claim: if the instance that claimed it
 * dies before recording the result, the claim expires and the message is sent again, with the
 * same idempotency key, and its attempt count shows it.
 */
@CompoundIndexes({
    @CompoundIndex(name = "channel_createdAt", def = "{'channel': 1, 'createdAt': -1, '_id': 1}"),
    @CompoundIndex(name = "createdAt", def = "{'createdAt': -1, '_id': 1}"),
    @CompoundIndex(name = "recipient", def = "{'recipient': 1}"),
    @CompoundIndex(name = "status_createdAt", def = "{'status': 1, 'createdAt': -1, '_id': 1}"),
    @CompoundIndex(name = "status_nextAttemptAt_leaseUntil", def = "{'status': 1, 'nextAttemptAt': 1, 'leaseUntil': 1}")
})
@Document("outbox")
public record OutboxDocument(@Id UUID id, Channel channel, String recipient, String subject, String body,
        OutboxEntry.Status status, int attempts, Instant createdAt, Instant nextAttemptAt, Instant leaseUntil,
        Instant sentAt, String lastError, String sourceType, String sourceId) {

    public OutboxEntry view() {
        return new OutboxEntry(id, channel, recipient, subject, body, status, attempts, createdAt, nextAttemptAt,
                sentAt, lastError, sourceType, sourceId);
    }
}
