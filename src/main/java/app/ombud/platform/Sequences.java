package app.ombud.platform;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Counters for human-readable numbers (e.g. KS-20261122-0001): one atomic increment per number,
 * safe across instances. A number is never handed out twice, even across a crash: the increment
 * is a write like any other, answered only once it is durable (synced on the embedded file store,
 * journaled on a majority with MongoDB), so it is on disk before the number is used.
 *
 * <p>Numbers are not gap-free: when the record that was to carry a number is not saved (a crash
 * between the increment and the insert, or a failed insert), that number is skipped for good.
 */
@Component
public class Sequences {

    private final MongoTemplate mongo;

    Sequences(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Document("counters")
    record Counter(@Id String id, long value) {
    }

    /**
     * The next value of the named counter, starting at 1. It is the value before the increment
     * plus one: for {@code new: true} the embedded server answers with the stored document itself,
     * which a concurrent increment can change before the answer is written; the old value it
     * answers with is a copy.
     */
    public long next(String name) {
        var before = mongo.findAndModify(Query.query(Criteria.where("_id").is(name)), new Update().inc("value", 1),
                FindAndModifyOptions.options().upsert(true).returnNew(false), Counter.class);
        return before == null ? 1 : before.value() + 1;
    }
}
