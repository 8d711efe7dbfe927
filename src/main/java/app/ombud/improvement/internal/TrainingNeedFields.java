package app.ombud.improvement.internal;

import app.ombud.improvement.TrainingStatus;
import app.ombud.platform.RecordWrites;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Every query and update on the field paths of {@link TrainingNeedDocument}. */
@Component
public class TrainingNeedFields {

    private final MongoTemplate mongo;
    private final RecordWrites writes;

    TrainingNeedFields(MongoTemplate mongo, RecordWrites writes) {
        this.mongo = mongo;
        this.writes = writes;
    }

    public Optional<TrainingNeedDocument> byId(UUID id) {
        return Optional.ofNullable(mongo.findById(id, TrainingNeedDocument.class));
    }

    /** The need, if a reader who reads only needs naming {@code reader} (null: every need) may read it. */
    public Optional<TrainingNeedDocument> visible(UUID id, String reader) {
        var where = Criteria.where("_id").is(id);
        if (reader != null) {
            where = where.and("employeeIds").is(reader);
        }
        return Optional.ofNullable(mongo.findOne(Query.query(where), TrainingNeedDocument.class));
    }

    /** Newest first. */
    public Window<TrainingNeedDocument> search(String reader, TrainingStatus status, String employeeId,
            ScrollPosition position, int size) {
        List<Criteria> where = new ArrayList<>();
        if (reader != null) {
            where.add(Criteria.where("employeeIds").is(reader));
        }
        if (employeeId != null) {
            where.add(Criteria.where("employeeIds").is(employeeId));
        }
        if (status != null) {
            where.add(Criteria.where("status").is(status));
        }
        Query query = new Query(where.isEmpty() ? new Criteria() : new Criteria().andOperator(where))
                .with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id"))).limit(size);
        return mongo.scroll(query.with(position), TrainingNeedDocument.class);
    }

    /**
     * At most {@code limit} needs naming the person that were derived by a code starting with
     * {@code prefix} or recorded from {@code from} until {@code to}, newest first.
     */
    public List<TrainingNeedDocument> namingWithin(String employeeId, String prefix, Instant from, Instant to,
            int limit) {
        var where = new Criteria().andOperator(Criteria.where("employeeIds").is(employeeId), new Criteria().orOperator(
                Criteria.where("derivedFrom").regex("^" + java.util.regex.Pattern.quote(prefix)),
                Criteria.where("createdAt").gte(from).lt(to)));
        return mongo.find(Query.query(where).with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id")))
                .limit(limit), TrainingNeedDocument.class);
    }

    /**
     * The needs whose derivation code starts with {@code prefix}, oldest first,
     * for a reader as in {@link #visible}.
     */
    public List<TrainingNeedDocument> derived(String prefix, String reader) {
        var where = Criteria.where("derivedFrom").regex("^" + java.util.regex.Pattern.quote(prefix));
        if (reader != null) {
            where = where.and("employeeIds").is(reader);
        }
        return mongo.find(Query.query(where).with(Sort.by("createdAt", "_id")).limit(1000),
                TrainingNeedDocument.class);
    }

    public void insert(TrainingNeedDocument document) {
        mongo.insert(document);
    }

    public TrainingNeedDocument save(TrainingNeedDocument document) {
        return writes.save(document);
    }
}
