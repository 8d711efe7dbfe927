package app.ombud.escalation.internal;

import app.ombud.escalation.EscalationStatus;
import app.ombud.platform.Actor;
import app.ombud.platform.OmbudException;
import app.ombud.platform.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
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

    EscalationFields(MongoTemplate mongo) {
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
                .with(Sort.by(Sort.Order.desc("raisedAt"), Sort.Order.desc("id"))).limit(size);
        return mongo.scroll(query.with(position), EscalationDocument.class);
    }

    public void insert(EscalationDocument document) {
        mongo.insert(document);
    }

    /** Saves a person's step with the version read; a stale version is the conflict error. */
    public EscalationDocument save(EscalationDocument document) {
        try {
            return mongo.save(document);
        } catch (OptimisticLockingFailureException e) {
            throw OmbudException.concurrentUpdate();
        }
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

    /**
     * Flags the review overdue with its timeline entry, once (conditional on the flag unset). It
     * bumps the version: a decision taken on the escalation as read before would drop the flag.
     */
    public boolean flagOverdue(UUID id, Instant now) {
        var entry = EscalationDocument.entry(Actor.SYSTEM, now, "review-overdue", null, null, null);
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("reviewOverdueAt").is(null)),
                new Update().set("reviewOverdueAt", now).push("timeline", entry).inc("version", 1),
                EscalationDocument.class).getModifiedCount() > 0;
    }

    /** Escalations that ended (rejected or closed) whose case was not told yet. */
    public List<EscalationDocument> endedNotReturned(int limit) {
        return mongo.find(Query.query(Criteria.where("status").in(EscalationStatus.REJECTED, EscalationStatus.CLOSED)
                .and("returnedAt").is(null)).limit(limit), EscalationDocument.class);
    }

    /**
     * Marks the case told. Only this update writes {@code returnedAt}, and an ended escalation
     * takes no more steps, so it needs no version: no person's save can follow it.
     */
    public void markReturned(UUID id, Instant now) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("returnedAt").is(null)),
                new Update().set("returnedAt", now), EscalationDocument.class);
    }
}
