package app.ombud.complaint.internal;

import app.ombud.complaint.CaseFilter;
import app.ombud.complaint.CaseStatus;
import app.ombud.complaint.Customer;
import app.ombud.complaint.EscalationRef;
import app.ombud.complaint.TimelineEntry;
import app.ombud.platform.Actor;
import app.ombud.platform.Role;
import app.ombud.policy.CaseCategory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Every query and job update on the field paths of {@link CaseDocument}, beside it: services and
 * jobs ask for "the cases this reader sees" or "the breach mark", never for a field name.
 */
public final class CaseQueries {

    /** The statuses that still run against their deadlines. */
    public static final List<CaseStatus> OPEN = List.of(CaseStatus.NEW, CaseStatus.DISPATCHED,
            CaseStatus.IN_PROGRESS, CaseStatus.AWAITING_FEEDBACK);

    /** The inbox order: urgent cases jump the queue, then newest first. */
    public static final Sort INBOX = Sort.by(Sort.Order.desc("urgent"), Sort.Order.desc("receivedAt"),
            Sort.Order.asc("id"));

    private CaseQueries() {
    }

    public static Query byId(UUID caseId) {
        return Query.query(Criteria.where("_id").is(caseId));
    }

    /**
     * Which cases a reader may see (SPEC: agents theirs, leads their team's, heads their
     * department's, the superior department those escalated to it).
     */
    public static Criteria visibleTo(CaseReader reader) {
        Actor actor = reader.actor();
        if (actor.kind() == Actor.Kind.SYSTEM || actor.hasAny(Role.ADMIN, Role.LEADERSHIP, Role.BI_READER)) {
            return new Criteria();
        }
        String me = actor.key();
        List<Criteria> any = new ArrayList<>();
        any.add(Criteria.where("intakeBy").is(me));
        any.add(Criteria.where("assignment.ownerEmployeeId").is(me));
        UUID department = reader.departmentId();
        if (actor.has(Role.DEPT_HEAD) && department != null) {
            any.add(Criteria.where("assignment.departmentId").is(department));
            any.add(Criteria.where("intakeDepartmentId").is(department));
        }
        if (actor.hasAny(Role.SUPERIOR, Role.DEPT_HEAD) && department != null) {
            // the superior department sees the cases escalated to it
            any.add(Criteria.where("escalation.toDepartmentId").is(department));
        }
        if (actor.has(Role.TEAM_LEAD) && reader.teamId() != null) {
            any.add(Criteria.where("assignment.teamId").is(reader.teamId()));
            any.add(Criteria.where("intakeTeamId").is(reader.teamId()));
        }
        return new Criteria().orOperator(any);
    }

    /** One case, if the reader may see it. */
    public static Query visible(UUID caseId, CaseReader reader) {
        return Query.query(new Criteria().andOperator(Criteria.where("_id").is(caseId), visibleTo(reader)));
    }

    /** The cases a reader may see that match the filter, in inbox order. */
    public static Query search(CaseFilter filter, CaseReader reader) {
        return new Query(new Criteria().andOperator(visibleTo(reader), matching(filter))).with(INBOX);
    }

    private static Criteria matching(CaseFilter filter) {
        List<Criteria> where = new ArrayList<>();
        if (present(filter.number())) {
            where.add(Criteria.where("number").is(filter.number().strip()));
        }
        if (filter.from() != null) {
            where.add(Criteria.where("receivedAt").gte(filter.from()));
        }
        if (filter.to() != null) {
            where.add(Criteria.where("receivedAt").lt(filter.to()));
        }
        if (filter.level() != null) {
            where.add(Criteria.where("grade.level").is(filter.level()));
        }
        if (filter.status() != null) {
            where.add(Criteria.where("status").is(filter.status()));
        }
        if (filter.category() != null) {
            where.add(Criteria.where("category").is(filter.category()));
        }
        if (filter.departmentId() != null) {
            where.add(Criteria.where("assignment.departmentId").is(filter.departmentId()));
        }
        if (filter.channel() != null) {
            where.add(Criteria.where("channel").is(filter.channel()));
        }
        if (present(filter.customerPhone())) {
            where.add(Criteria.where("customer.phone").is(filter.customerPhone().strip()));
        }
        if (present(filter.customer())) {
            // part of the name, or part of the number (the last digits an agent types); input is quoted,
            // never a pattern. Free text no index bounds: the visibility branch's inbox index and the
            // page size bound it (known-unserved.txt; src/docs/indexes.md, "Text search")
            String part = Pattern.quote(filter.customer().strip());
            where.add(new Criteria().orOperator(Criteria.where("customer.name").regex(part, "i"),
                    Criteria.where("customer.phone").regex(part)));
        }
        if (present(filter.text())) {
            // free text, bounded like the customer part above
            String text = Pattern.quote(filter.text().strip());
            where.add(new Criteria().orOperator(Criteria.where("subject").regex(text, "i"),
                    Criteria.where("description").regex(text, "i"), Criteria.where("number").regex(text, "i")));
        }
        return where.isEmpty() ? new Criteria() : new Criteria().andOperator(where);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** The customer's cases in a category received within [from, to], newest first (repeat detection). */
    public static Query sameCustomer(Customer customer, CaseCategory category, Instant from, Instant to) {
        List<Criteria> same = new ArrayList<>();
        if (customer.phone() != null) {
            same.add(Criteria.where("customer.phone").is(customer.phone()));
        }
        if (customer.account() != null) {
            same.add(Criteria.where("customer.account").is(customer.account()));
        }
        return Query.query(new Criteria().andOperator(new Criteria().orOperator(same),
                Criteria.where("category").is(category), Criteria.where("receivedAt").gte(from).lte(to)))
                .with(Sort.by(Sort.Direction.DESC, "receivedAt")).limit(100);
    }

    /**
     * Open cases Ombud must escalate by itself: resolution deadline breached, or rejected again
     * after a rework — and not escalated yet.
     */
    public static Query dueForEscalation(int limit) {
        return Query.query(Criteria.where("status").in(OPEN).and("escalation").is(null)
                .orOperator(Criteria.where("deadlines.breachedAt").ne(null),
                        Criteria.where("escalationRequestedAt").ne(null))).limit(limit);
    }

    /** Open cases at these levels (those that tell leadership) leadership has not been told of. */
    public static Query leadershipNotTold(java.util.Collection<Integer> levels, int limit) {
        return Query.query(Criteria.where("grade.level").in(levels).and("leadershipNotifiedAt").is(null)
                .and("status").in(OPEN)).limit(limit);
    }

    /** Open cases due within {@code lead} and not warned yet. */
    public static Query dueSoonNotWarned(Instant now, java.time.Duration lead, int limit) {
        return Query.query(Criteria.where("status").in(OPEN).and("deadlines.warnedAt").is(null)
                .and("deadlines.resolutionDue").lte(now.plus(lead)).gt(now)).limit(limit);
    }

    /** Open cases past their resolution deadline and not flagged yet. */
    public static Query breachedNotFlagged(Instant now, int limit) {
        return Query.query(Criteria.where("status").in(OPEN).and("deadlines.breachedAt").is(null)
                .and("deadlines.resolutionDue").lte(now)).limit(limit);
    }

    /** Cases with messages still to hand to the outbox. */
    public static Query withPendingMessages(int limit) {
        return Query.query(Criteria.where("pendingMessages.0").exists(true)).with(Sort.by("receivedAt")).limit(limit);
    }

    /** The job marks of a case: each set once, with its timeline entry (fields the jobs own). */
    public enum Mark {
        LEADERSHIP_NOTIFIED("leadershipNotifiedAt", "leadership-notified"),
        DEADLINE_WARNED("deadlines.warnedAt", "deadline-warning"),
        DEADLINE_BREACHED("deadlines.breachedAt", "deadline-breached");

        final String field;
        final String action;

        Mark(String field, String action) {
            this.field = field;
            this.action = action;
        }

        /** Not set yet: a mark is set once. */
        public Criteria unset() {
            return Criteria.where(field).is(null);
        }

        public Update set(Instant now) {
            return new Update().set(field, now).push("timeline", new TimelineEntry(now, Actor.SYSTEM.subject(),
                    Actor.SYSTEM.name(), action, null, null, null, List.of()));
        }
    }

    /** Not linked to an escalation yet. */
    public static Criteria notEscalated() {
        return Criteria.where("escalation").is(null);
    }

    /** Links the case to its escalation, with the timeline entry. */
    public static Update escalated(EscalationRef escalation, Actor actor, Instant now) {
        return new Update().set("escalation", escalation).push("timeline", new TimelineEntry(now, actor.subject(),
                actor.name(), "escalated", null, null, null, List.of(escalation.number())));
    }
}
