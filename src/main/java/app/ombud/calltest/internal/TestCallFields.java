package app.ombud.calltest.internal;

import app.ombud.calltest.TestCallFilter;
import app.ombud.calltest.TestCallStatus;
import app.ombud.platform.OmbudException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Every query and update on the test calls' field paths. */
@Component
public class TestCallFields {

    /**
     * The list's order, newest call first (index {@code status_called} and the others lead with their filter).
     * By the property {@code id} (stored as {@code _id}): a keyset window reads its cursor's keys by property.
     */
    static final Sort NEWEST = Sort.by(Sort.Order.desc("calledAt"), Sort.Order.asc("id"));

    private final MongoTemplate mongo;

    TestCallFields(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void insert(TestCallDocument document) {
        mongo.insert(document);
    }

    public Optional<TestCallDocument> byId(UUID id) {
        return Optional.ofNullable(mongo.findById(id, TestCallDocument.class));
    }

    public List<TestCallDocument> byIds(Collection<UUID> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), TestCallDocument.class);
    }

    /** Saves a person's step with the version read; a stale version is the conflict error. */
    public TestCallDocument save(TestCallDocument document) {
        try {
            return mongo.save(document);
        } catch (OptimisticLockingFailureException e) {
            throw OmbudException.concurrentUpdate();
        }
    }

    public Window<TestCallDocument> search(TestCallFilter filter, ScrollPosition position, int size) {
        return mongo.scroll(Query.query(criteria(filter)).with(NEWEST).limit(size).with(position),
                TestCallDocument.class);
    }

    public long count(TestCallFilter filter) {
        return mongo.count(Query.query(criteria(filter)), TestCallDocument.class);
    }

    /**
     * The recorded (not voided) calls made from {@code from} (inclusive) to {@code to} (exclusive),
     * oldest first, with only what the statistics read ({@link RecordedCall}) — not the gradings,
     * the timeline or the texts, which are most of a stored call.
     */
    public List<RecordedCall> recordedBetween(Instant from, Instant to) {
        var query = Query.query(Criteria.where("status").is(TestCallStatus.RECORDED.name()).and("calledAt")
                .gte(java.util.Date.from(from)).lt(java.util.Date.from(to))).with(Sort.by("calledAt", "_id"));
        query.fields().include(RecordedCall.FIELDS);
        return mongo.find(query, org.bson.Document.class, mongo.getCollectionName(TestCallDocument.class)).stream()
                .map(RecordedCall::of).toList();
    }

    /** An agent's recorded calls made in any of the given ranges ({@code [from, to)} pairs), the latest first. */
    public Window<TestCallDocument> ofAgentWithin(String agentEmployeeId, List<Instant[]> ranges,
            ScrollPosition position, int size) {
        Criteria within = new Criteria().orOperator(ranges.stream().map(r -> Criteria.where("calledAt").gte(r[0])
                .lt(r[1])).toArray(Criteria[]::new));
        return mongo.scroll(Query.query(Criteria.where("agentEmployeeId").is(agentEmployeeId).and("status")
                .is(TestCallStatus.RECORDED).andOperator(within)).with(NEWEST).limit(size).with(position),
                TestCallDocument.class);
    }

    private static Criteria criteria(TestCallFilter f) {
        List<Criteria> where = new ArrayList<>();
        if (f.status() != null) {
            where.add(Criteria.where("status").is(f.status()));
        }
        if (f.agentEmployeeId() != null) {
            where.add(Criteria.where("agentEmployeeId").is(f.agentEmployeeId()));
        }
        if (f.teamId() != null) {
            where.add(Criteria.where("teamId").is(f.teamId()));
        }
        if (f.planId() != null) {
            where.add(Criteria.where("facts.planId").is(f.planId()));
        }
        if (f.channel() != null) {
            where.add(Criteria.where("facts.channel").is(f.channel()));
        }
        if (f.departmentId() != null) {
            where.add(Criteria.where("facts.departmentId").is(f.departmentId()));
        }
        if (f.scenarioType() != null) {
            where.add(Criteria.where("facts.scenarioType").is(f.scenarioType()));
        }
        if (f.from() != null || f.to() != null) {
            var at = Criteria.where("calledAt");
            if (f.from() != null) {
                at = at.gte(f.from());
            }
            if (f.to() != null) {
                at = at.lt(f.to());
            }
            where.add(at);
        }
        return where.isEmpty() ? new Criteria() : new Criteria().andOperator(where);
    }
}
