package app.ombud.complaint.internal;

import app.ombud.notification.OutboxMessage;
import app.ombud.notification.OutboxSource;
import java.util.Collection;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Hands the messages cases queued (e.g. "complaint received" SMS) over to the outbox. */
@Component
class CaseMessages implements OutboxSource {

    private static final String COLLECTION = "cases";

    private final MongoTemplate mongo;

    CaseMessages(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<OutboxMessage> pendingMessages(int max) {
        return mongo.find(CaseQueries.withPendingMessages(max), CaseDocument.class).stream()
                .flatMap(c -> c.pendingMessages().stream()).limit(max).toList();
    }

    @Override
    public void relayed(Collection<OutboxMessage> messages) {
        for (OutboxMessage message : messages) {
            // by collection name: handing a message over is not a change of the case
            mongo.updateFirst(Query.query(Criteria.where("pendingMessages._id").is(message.id())),
                    new Update().pull("pendingMessages", Query.query(Criteria.where("_id").is(message.id()))
                            .getQueryObject()), COLLECTION);
        }
    }
}
