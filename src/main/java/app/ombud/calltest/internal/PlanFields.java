package app.ombud.calltest.internal;

import app.ombud.calltest.PlanStatus;
import app.ombud.platform.OmbudException;
import java.util.ArrayList;
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

/** Every query and update on the field paths of {@link PlanDocument}. */
@Component
public class PlanFields {

    private final MongoTemplate mongo;

    PlanFields(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<PlanDocument> byId(UUID id) {
        return Optional.ofNullable(mongo.findById(id, PlanDocument.class));
    }

    /** The plan holding a slot, drawn or a spot check. */
    public Optional<PlanDocument> bySlot(UUID slotId) {
        return Optional.ofNullable(mongo.findOne(Query.query(new Criteria().orOperator(
                Criteria.where("draws.slots.id").is(slotId), Criteria.where("spotChecks.id").is(slotId))),
                PlanDocument.class));
    }

    /** Plans, newest quarter first. */
    public Window<PlanDocument> search(PlanStatus status, String quarter, ScrollPosition position, int size) {
        Query query = new Query(criteria(status, quarter))
                .with(Sort.by(Sort.Order.desc("content.quarter"), Sort.Order.desc("number"), Sort.Order.asc("id")))
                .limit(size);
        return mongo.scroll(query.with(position), PlanDocument.class);
    }

    public long count(PlanStatus status, String quarter) {
        return mongo.count(new Query(criteria(status, quarter)), PlanDocument.class);
    }

    private static Criteria criteria(PlanStatus status, String quarter) {
        List<Criteria> where = new ArrayList<>();
        if (status != null) {
            where.add(Criteria.where("status").is(status));
        }
        if (quarter != null) {
            where.add(Criteria.where("content.quarter").is(quarter));
        }
        return where.isEmpty() ? new Criteria() : new Criteria().andOperator(where);
    }

    public void insert(PlanDocument document) {
        mongo.insert(document);
    }

    /** Saves with the version read; a stale one is the conflict error. */
    public PlanDocument save(PlanDocument document) {
        try {
            return mongo.save(document);
        } catch (OptimisticLockingFailureException e) {
            throw OmbudException.concurrentUpdate();
        }
    }
}
