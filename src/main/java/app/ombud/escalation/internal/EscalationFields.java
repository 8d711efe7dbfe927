package app.ombud.escalation.internal;

import app.ombud.escalation.EscalationStatus;
import app.ombud.platform.Actor;
import app.ombud.platform.RecordWrites;
import app.ombud.platform.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Every query and update on the field paths of {@link EscalationDocument} and
 * {@link CaseEscalationLock}: who may see which escalation, the lists, the versioned save, the
 * case's lock, and the conditional updates of the fields the jobs own.
 */
@Component
public class EscalationFields {

    private final MongoTemplate mongo;
    private final RecordWrites writes;

    EscalationFields(MongoTemplate mongo, RecordWrites writes) {
        this.writes = writes;
        this.mongo = mongo;
    }

    /**
     * Which escalations an actor may see: leadership, admins, BI readers and the system all; others
     * those they raised, those of a task force they are in, and — SUPERIOR or DEPT_HEAD — those
     * sent to or coming from their department.
     */
    public Criteria visibility(Actor actor, EscalationCaller caller) {
        if (actor.kind() == Actor.Kind.SYSTEM || actor.hasAny(Role.ADMIN, Role.LEADERSHIP, Role.BI_READER)) {
            return new Criteria();
        }
        List<Criteria> any = new ArrayList<>();
        any.add(Criteria.where("raisedBy").in(actor.key(), actor.subject()));
        if (actor.employeeId() != null) {
            any.add(Criteria.where("taskForce.leadEmployeeId").is(actor.employeeId()));
            any.add(Criteria.where("taskForce.members.employeeId").is(actor.employeeId()));
        }
        if (caller.department() != null) {
            any.add(Criteria.where("toDepartmentId").is(caller.department()));
            any.add(Criteria.where("fromDepartmentId").is(caller.department()));
        }
        return new Criteria().orOperator(any);
    }

    /** The escalation, if the visibility criteria let the reader see it. */
    public Optional<EscalationDocument> visible(UUID id, Criteria visibility) {
        return Optional.ofNullable(mongo.findOne(Query.query(new Criteria().andOperator(Criteria.where("_id").is(id),
                visibility)), EscalationDocument.class));
    }

    public Optional<EscalationDocument> byId(UUID id) {
        return Optional.ofNullable(mongo.findById(id, EscalationDocument.class));
    }

    /** Visible escalations, newest first; {@code overdueOnly}: reviews flagged overdue and still open. */
    public Window<EscalationDocument> search(Criteria visibility, EscalationStatus status, boolean overdueOnly,
            ScrollPosition position, int size) {
        List<Criteria> where = new ArrayList<>();
        where.add(visibility);
        if (status != null) {
            where.add(Criteria.where("status").is(status));
        }
        if (overdueOnly) {
            where.add(Criteria.where("reviewOverdueAt").ne(null).and("status").is(EscalationStatus.SUBMITTED));
        }
        Query query = new Query(new Criteria().andOperator(where))
                .with(Sort.by(Sort.Order.desc("raisedAt"), Sort.Order.asc("id"))).limit(size);
        return mongo.scroll(query.with(position), EscalationDocument.class);
    }

    public void insert(EscalationDocument document) {
        mongo.insert(document);
    }

    /** Saves a person's step with the version read; a stale version is the conflict error, the jobs' marks are kept. */
    public EscalationDocument save(EscalationDocument document) {
        return writes.save(document);
    }

    // ---- the case's lock ----------------------------------------------------------------------

    /** Takes the case's one-open-escalation lock; false when the case holds one already. */
    public boolean lock(CaseEscalationLock lock) {
        try {
            mongo.insert(lock);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    public Optional<CaseEscalationLock> lockOf(UUID caseId) {
        return Optional.ofNullable(mongo.findById(caseId, CaseEscalationLock.class));
    }

    public void unlock(UUID escalationId) {
        mongo.remove(Query.query(Criteria.where("escalationId").is(escalationId)), CaseEscalationLock.class);
    }

    // ---- the jobs' fields ---------------------------------------------------------------------

    /** Reviews past their due time that are not flagged yet. */
    public List<EscalationDocument> reviewsToFlag(Instant now, int limit) {
        return mongo.find(Query.query(Criteria.where("status").is(EscalationStatus.SUBMITTED).and("reviewOverdueAt")
                .is(null).and("reviewDue").lte(now)).limit(limit), EscalationDocument.class);
    }

    /** The fields only the jobs write: a person's save leaves them as they are ({@link RecordWrites}). */
    static final String REVIEW_OVERDUE = "reviewOverdueAt";
    static final String RETURNED = "returnedAt";

    /**
     * Flags the review overdue with its timeline entry, once (conditional on the flag unset),
     * without a new version: the reviewer who has the escalation open decides without a conflict.
     */
    public boolean flagOverdue(UUID id, Instant now) {
        var entry = EscalationDocument.entry(Actor.SYSTEM, now, "review-overdue", null, null, null);
        return writes.mark(EscalationDocument.class, id, Criteria.where(REVIEW_OVERDUE).is(null),
                new Update().set(REVIEW_OVERDUE, now).push("timeline", entry));
    }

    /** Escalations that ended (rejected or closed) whose case was not told yet. */
    public List<EscalationDocument> endedNotReturned(int limit) {
        return mongo.find(Query.query(Criteria.where("status").in(EscalationStatus.REJECTED, EscalationStatus.CLOSED)
                .and("returnedAt").is(null)).limit(limit), EscalationDocument.class);
    }

    /** Marks the case told, once; only this job writes {@code returnedAt}. */
    public void markReturned(UUID id, Instant now) {
        writes.mark(EscalationDocument.class, id, Criteria.where(RETURNED).is(null), new Update().set(RETURNED, now));
    }
}
