package app.ombud.review.internal;

import app.ombud.notification.OutboxMessage;
import app.ombud.notification.OutboxSource;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Hands the messages reviews queued (reply SMS, phone tasks) over to the outbox. */
@Component
class ReviewMessages implements OutboxSource {

    private final MongoTemplate mongo;

    ReviewMessages(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<OutboxMessage> pendingMessages(int max) {
        Query query = Query.query(Criteria.where("pendingMessages.0").exists(true))
                .with(Sort.by("submittedAt")).limit(max);
        return mongo.find(query, ReviewDocument.class).stream()
                .flatMap(r -> r.pendingMessages().stream()).limit(max).toList();
    }

    @Override
    public void relayed(Collection<OutboxMessage> messages) {
        for (OutboxMessage message : messages) {
            // by collection name: handing a message over is not a change of the review
            mongo.updateFirst(Query.query(Criteria.where("pendingMessages._id").is(message.id())),
                    new Update().pull("pendingMessages", Query.query(Criteria.where("_id").is(message.id()))
                            .getQueryObject()), mongo.getCollectionName(ReviewDocument.class));
        }
    }
}
