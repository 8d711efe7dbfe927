package app.ombud.improvement.internal;

import app.ombud.improvement.ImprovementScope;
import app.ombud.improvement.ImprovementSource;
import app.ombud.improvement.ImprovementStatus;
import app.ombud.platform.Actor;
import app.ombud.platform.RecordWrites;
import app.ombud.platform.Role;
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
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Every query and update on the field paths of {@link ImprovementDocument}: who may see which
 * action, the lists, the versioned save, the re-tests due, and the job's conditional overdue flag.
 */
@Component
public class ImprovementFields {

    /** The field only the job writes: a person's save leaves it as it is ({@link RecordWrites}). */
    static final String OVERDUE = "overdueAt";
    private static final List<ImprovementStatus> OWED = List.of(ImprovementStatus.OPEN, ImprovementStatus.IN_PROGRESS);
    private static final List<ImprovementSource> FROM_TEST_CALLS = List.of(ImprovementSource.TEST_CALL_FINDING,
            ImprovementSource.WEAK_SPOT);

    private final MongoTemplate mongo;
    private final RecordWrites writes;

    ImprovementFields(MongoTemplate mongo, RecordWrites writes) {
        this.mongo = mongo;
        this.writes = writes;
    }

    /**
     * Which actions an actor may see: leadership, admins, BI readers (masked) and the system all;
     * others those they raised or own, a department head those of the department they head (as
     * the owner's or the raiser's department), the test-call group those from test calls.
     */
    public Criteria visibility(Actor actor, ImprovementCaller caller) {
        if (actor.kind() == Actor.Kind.SYSTEM || actor.hasAny(Role.ADMIN, Role.LEADERSHIP, Role.BI_READER)) {
            return new Criteria();
        }
        List<Criteria> any = new ArrayList<>();
        any.add(Criteria.where("raisedBy").in(actor.key(), actor.subject()));
        if (actor.employeeId() != null) {
            any.add(Criteria.where("ownerEmployeeId").is(actor.employeeId()));
        }
        if (caller.heads() != null) {
            any.add(Criteria.where("departmentId").is(caller.heads()));
            any.add(Criteria.where("raiserDepartmentId").is(caller.heads()));
        }
        if (caller.callTestStaff()) {
            any.add(Criteria.where("source").in(FROM_TEST_CALLS));
        }
        return new Criteria().orOperator(any);
    }

    public Optional<ImprovementDocument> visible(UUID id, Criteria visibility) {
        return Optional.ofNullable(mongo.findOne(Query.query(new Criteria().andOperator(Criteria.where("_id").is(id),
                visibility)), ImprovementDocument.class));
    }

    public Optional<ImprovementDocument> byId(UUID id) {
        return Optional.ofNullable(mongo.findById(id, ImprovementDocument.class));
    }

    /** Visible actions of a list, earliest due first; {@code key} and {@code department} narrow MINE and DEPARTMENT. */
    public Window<ImprovementDocument> search(Criteria visibility, ImprovementScope scope, ImprovementStatus status,
            String key, UUID department, ScrollPosition position, int size) {
        List<Criteria> where = new ArrayList<>();
        where.add(visibility);
        switch (scope == null ? ImprovementScope.ALL : scope) {
            case MINE -> where.add(new Criteria().orOperator(Criteria.where("ownerEmployeeId").is(key),
                    Criteria.where("raisedBy").is(key)));
            case DEPARTMENT -> where.add(Criteria.where("departmentId").is(department));
            case OVERDUE -> where.add(Criteria.where(OVERDUE).ne(null).and("status").in(OWED));
            case ALL -> {
            }
        }
        if (status != null) {
            where.add(Criteria.where("status").is(status));
        }
        Query query = new Query(new Criteria().andOperator(where))
                .with(Sort.by(Sort.Order.asc("dueBy"), Sort.Order.desc("raisedAt"), Sort.Order.asc("id")))
                .limit(size);
        return mongo.scroll(query.with(position), ImprovementDocument.class);
    }

    public void insert(ImprovementDocument document) {
        mongo.insert(document);
    }

    /** Saves a person's step with the version read; a stale version is the conflict error, the job's flag is kept. */
    public ImprovementDocument save(ImprovementDocument document) {
        return writes.save(document);
    }

    /** Open actions requiring a re-test, for the test-call module's next draw (the service drops those already passed). */
    public List<ImprovementDocument> withRetest(int limit) {
        return mongo.find(Query.query(Criteria.where("retest").ne(null).and("status")
                .in(ImprovementStatus.OPEN, ImprovementStatus.IN_PROGRESS, ImprovementStatus.SUBMITTED_FOR_VERIFICATION))
                .with(Sort.by("dueBy", "id")).limit(limit), ImprovementDocument.class);
    }

    // ---- the job's field ----------------------------------------------------------------------

    /** Actions their owners still work on, past the end of their due day, not flagged yet. */
    public List<ImprovementDocument> toFlag(Instant now, int limit) {
        return mongo.find(Query.query(Criteria.where("status").in(OWED).and(OVERDUE).is(null).and("dueBy").lte(now))
                .limit(limit), ImprovementDocument.class);
    }

    /**
     * Flags the action overdue with its timeline entry, once, and only while it is still owed by
     * the due time read (a reopening with a new due date meanwhile is not flagged); the version
     * stays, so the owner who has the action open saves without a conflict.
     */
    public boolean flagOverdue(ImprovementDocument read, Instant now) {
        var entry = ImprovementDocument.entry(Actor.SYSTEM, now, "overdue", null, null, null,
                read.dueDate().toString());
        return writes.mark(ImprovementDocument.class, read.id(), Criteria.where(OVERDUE).is(null).and("dueBy")
                .is(read.dueBy()).and("status").in(OWED), new Update().set(OVERDUE, now).push("timeline", entry));
    }
}
