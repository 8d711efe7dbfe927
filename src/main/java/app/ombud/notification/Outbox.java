package app.ombud.notification;

import app.ombud.notification.internal.OutboxDocument;
import app.ombud.platform.AuditTrail;
import app.ombud.platform.OmbudException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The outbox of SMS, e-mail and phone-call tasks. Messages are enqueued idempotently and sent
 * by a scheduled dispatcher with retries and backoff; admins see every message's status and can
 * send a failed one again.
 */
@Service
public class Outbox {

    private final MongoTemplate mongo;
    private final AuditTrail audit;
    private final Clock clock;

    Outbox(MongoTemplate mongo, AuditTrail audit, Clock clock) {
        this.mongo = mongo;
        this.audit = audit;
        this.clock = clock;
    }

    /** Narrows the admin list; null fields do not filter. */
    public record Filter(OutboxEntry.Status status, Channel channel) {
        public static final Filter ALL = new Filter(null, null);
    }

    /** Adds the message unless a message with its ID is there already. Returns true when added. */
    public boolean enqueue(OutboxMessage message) {
        if (message.id() == null || message.channel() == null || message.recipient() == null
                || message.recipient().isBlank()) {
            throw OmbudException.badRequest("OUTBOX_MESSAGE_INVALID", "recipient",
                    "An outgoing message needs an ID, a channel and a recipient");
        }
        var now = clock.instant();
        try {
            mongo.insert(new OutboxDocument(message.id(), message.channel(), message.recipient().strip(),
                    message.subject(), message.body(), OutboxEntry.Status.PENDING, 0, now, now, null, null, null,
                    message.sourceType(), message.sourceId()));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @PreAuthorize("hasRole('ADMIN')")
    public Window<OutboxEntry> page(Filter filter, ScrollPosition position, int size) {
        Query query = new Query(criteria(filter)).with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id")))
                .limit(size);
        return mongo.scroll(query.with(position), OutboxDocument.class).map(OutboxDocument::view);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public long count(Filter filter) {
        return mongo.count(new Query(criteria(filter)), OutboxDocument.class);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public OutboxEntry get(UUID id) {
        var document = mongo.findById(id, OutboxDocument.class);
        if (document == null) {
            throw OmbudException.notFound("OUTBOX_MESSAGE_NOT_FOUND", "No outgoing message {0}", id);
        }
        return document.view();
    }

    /** Sends a failed message again (its attempt count goes on). */
    @PreAuthorize("hasRole('ADMIN')")
    public OutboxEntry retry(UUID id) {
        var updated = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(id).and("status").is(OutboxEntry.Status.FAILED)),
                new Update().set("status", OutboxEntry.Status.PENDING).set("nextAttemptAt", clock.instant()),
                org.springframework.data.mongodb.core.FindAndModifyOptions.options().returnNew(true),
                OutboxDocument.class);
        if (updated == null) {
            var current = get(id);
            throw OmbudException.conflict("OUTBOX_NOT_FAILED", "Only a failed message can be retried; this one is {0}",
                    current.status().name());
        }
        audit.record("outbox.retried", "OutboxMessage", id.toString(),
                Map.of("channel", updated.channel().name(), "attempts", String.valueOf(updated.attempts())));
        return updated.view();
    }

    private static Criteria criteria(Filter filter) {
        List<Criteria> where = new ArrayList<>();
        if (filter.status() != null) {
            where.add(Criteria.where("status").is(filter.status()));
        }
        if (filter.channel() != null) {
            where.add(Criteria.where("channel").is(filter.channel()));
        }
        return where.isEmpty() ? new Criteria() : new Criteria().andOperator(where);
    }
}
