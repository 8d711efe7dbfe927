package app.ombud.review.internal;

import app.ombud.platform.Actor;
import app.ombud.platform.Role;
import app.ombud.review.ReplyStatus;
import app.ombud.review.ReviewEntry;
import app.ombud.review.ReviewFilter;
import app.ombud.review.ReviewQueue;
import app.ombud.review.ReviewStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Every query and update on the field paths of {@link ReviewDocument}, beside the document: the
 * services and jobs ask for what they need and never spell a field name.
 */
public final class ReviewFields {

    /** How many records a job reads per run. */
    static final int BATCH = 200;

    private static final List<ReviewStatus> JUDGED = List.of(ReviewStatus.JUDGED, ReviewStatus.APPEALED,
            ReviewStatus.PANEL_FORMING, ReviewStatus.PANEL_VOTING, ReviewStatus.FINAL);

    private ReviewFields() {
    }

    /** The review with this ID, if the caller may see it. */
    public static Query visible(UUID id, ReviewCaller caller) {
        return Query.query(new Criteria().andOperator(Criteria.where("_id").is(id), visibility(caller)));
    }

    /** The reviews with these IDs that the caller may see (one query for a page). */
    public static Query visible(Collection<UUID> ids, ReviewCaller caller) {
        return Query.query(new Criteria().andOperator(Criteria.where("_id").in(ids), visibility(caller)));
    }

    /**
     * Who sees a review: the review team, whitelist owners, site managers, leadership, admins and
     * BI readers (numbers masked) all; the submitter theirs; team leads their team's (submitted by
     * or about its members); the accused once judged; panel members of its appeal.
     */
    static Criteria visibility(ReviewCaller caller) {
        Actor actor = caller.actor();
        if (actor.kind() == Actor.Kind.SYSTEM || actor.hasAny(Role.ADMIN, Role.LEADERSHIP, Role.REVIEWER,
                Role.WHITELIST_OWNER, Role.SITE_MANAGER, Role.BI_READER)) {
            return new Criteria();
        }
        String me = caller.me();
        List<Criteria> any = new ArrayList<>();
        any.add(Criteria.where("workOrder.submitterEmployeeId").is(me));
        any.add(Criteria.where("submittedBy").is(actor.subject()));
        any.add(Criteria.where("appeal.employeeSide").is(me));
        any.add(Criteria.where("appeal.reviewSide").is(me));
        any.add(Criteria.where("workOrder.accusedEmployeeId").is(me).and("status").in(JUDGED));
        if (actor.has(Role.TEAM_LEAD) && caller.team() != null) {
            any.add(Criteria.where("submitterTeamId").is(caller.team()));
            any.add(Criteria.where("accusedTeamId").is(caller.team()));
        }
        return new Criteria().orOperator(any);
    }

    /** A list of the portal or the API, narrowed by what the caller may see, in the queue's order. */
    public static Query queue(ReviewQueue queue, ReviewFilter filter, ReviewCaller caller) {
        List<Criteria> where = new ArrayList<>();
        // the submitter sees theirs and the accused theirs once judged: those two queues' own filters
        // are visibility branches, so the rest of visibility would only add index-less $or branches
        if (queue != ReviewQueue.MINE && queue != ReviewQueue.ABOUT_ME) {
            where.add(visibility(caller));
        }
        String me = caller.me();
        boolean overdue = Boolean.TRUE.equals(filter.overdueOnly());
        switch (queue) {
            case MINE -> where.add(Criteria.where("workOrder.submitterEmployeeId").is(me));
            case TEAM_CHECK -> {
                where.add(Criteria.where("status").in(ReviewStatus.SUBMITTED, ReviewStatus.RETURNED_TO_LEAD));
                if (!caller.has(Role.ADMIN)) {
                    where.add(caller.team() != null ? Criteria.where("submitterTeamId").in(caller.team(), null)
                            : Criteria.where("submitterTeamId").is(null));
                }
                if (overdue) {
                    where.add(Criteria.where("checkOverdueAt").ne(null));
                }
            }
            case REVIEW_TEAM -> where.add(Criteria.where("status").is(ReviewStatus.IN_REVIEW));
            case REPLIES -> {
                where.add(Criteria.where("reply.status").in(ReplyStatus.PENDING, ReplyStatus.SPECIAL_REPORTED));
                if (overdue) {
                    where.add(Criteria.where("reply.overdueAt").ne(null));
                }
            }
            case APPEALS -> where.add(Criteria.where("status").in(ReviewStatus.APPEALED, ReviewStatus.PANEL_FORMING,
                    ReviewStatus.PANEL_VOTING));
            case ABOUT_ME -> where.add(Criteria.where("workOrder.accusedEmployeeId").is(me).and("status").in(JUDGED));
            case ALL -> {
            }
        }
        if (filter.status() != null) {
            where.add(Criteria.where("status").is(filter.status()));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            // free text no index bounds: the queue's own index and the page size bound it
            // (known-unserved.txt; src/docs/indexes.md, "Text search")
            String text = Pattern.quote(filter.text().strip());
            where.add(new Criteria().orOperator(Criteria.where("number").regex(text, "i"),
                    Criteria.where("workOrder.complaint").regex(text, "i"),
                    Criteria.where("workOrder.accusedEmployeeId").is(filter.text().strip()),
                    Criteria.where("workOrder.topic").regex(text, "i")));
        }
        return new Query(new Criteria().andOperator(where)).with(sort(queue));
    }

    private static Sort sort(ReviewQueue queue) {
        return switch (queue) {
            case TEAM_CHECK -> Sort.by(Sort.Order.asc("checkDue"), Sort.Order.asc("id"));
            case REVIEW_TEAM -> Sort.by(Sort.Order.asc("submittedAt"), Sort.Order.asc("id"));
            case REPLIES -> Sort.by(Sort.Order.asc("reply.due"), Sort.Order.asc("id"));
            default -> Sort.by(Sort.Order.desc("submittedAt"), Sort.Order.asc("id"));
        };
    }

    /** The case library, newest first, by text and tag. */
    public static Query library(String text, String tag) {
        List<Criteria> where = new ArrayList<>();
        // in the library ⇔ an entry with its time (LibraryEntry.at is always set): a range on the sort field
        where.add(Criteria.where("library.at").ne(null));
        if (tag != null && !tag.isBlank()) {
            where.add(Criteria.where("library.tags").is(tag.strip()));
        }
        if (text != null && !text.isBlank()) {
            // free text: bounded by the library's index (libraryAt, libraryTags_libraryAt) and the page size
            String quoted = Pattern.quote(text.strip());
            where.add(new Criteria().orOperator(Criteria.where("workOrder.complaint").regex(quoted, "i"),
                    Criteria.where("library.lesson").regex(quoted, "i"), Criteria.where("verdict.topic")
                            .regex(quoted, "i"), Criteria.where("number").regex(quoted, "i")));
        }
        return new Query(new Criteria().andOperator(where))
                .with(Sort.by(Sort.Order.desc("library.at"), Sort.Order.asc("id")));
    }

    /** Direct-explanation replies to a caller's number, newest first. */
    public static Query explanationScripts(String number) {
        return Query.query(new Criteria().andOperator(Criteria.where("reply.status")
                .is(ReplyStatus.DIRECT_EXPLANATION), new Criteria().orOperator(
                Criteria.where("workOrder.callerNumber").is(number), Criteria.where("workOrder.contactNumber")
                        .is(number)))).with(Sort.by(Sort.Order.desc("reply.closedAt"))).limit(20);
    }

    /** Early warnings, newest first. */
    public static Query earlyWarnings() {
        return new Query().with(Sort.by(Sort.Order.desc("raisedAt"), Sort.Order.asc("id")));
    }

    // ---- jobs ---------------------------------------------------------------------------

    static Query overdueChecks(Instant now) {
        return Query.query(Criteria.where("status").is(ReviewStatus.SUBMITTED).and("checkOverdueAt").is(null)
                .and("checkDue").lte(now)).limit(BATCH);
    }

    static Query overdueReplies(Instant now) {
        return Query.query(Criteria.where("reply.status").is(ReplyStatus.PENDING).and("reply.overdueAt")
                .is(null).and("reply.due").lte(now)).limit(BATCH);
    }

    static Query repliesFollowedUp() {
        return Query.query(Criteria.where("reply.status").is(ReplyStatus.PENDING)
                .and("reply.attempts.0").exists(true)).limit(BATCH);
    }

    static Query appealWindowEnded(Instant now) {
        return Query.query(Criteria.where("status").is(ReviewStatus.JUDGED).and("appealDue").lte(now)).limit(BATCH);
    }

    static Query panelPending() {
        return Query.query(Criteria.where("panelPending").is(true)).limit(BATCH);
    }

    static Query warningPending() {
        return Query.query(Criteria.where("warningPending").is(true)).limit(BATCH);
    }

    /** The fields only the jobs write ({@code RecordWrites}): a person's save leaves them as they are. */
    static final String CHECK_OVERDUE = "checkOverdueAt";
    static final String REPLY_OVERDUE = "reply.overdueAt";

    /** The team-lead check still waits: the overdue marker is set once, with its timeline entry. */
    static Criteria checkStillDue() {
        return Criteria.where("status").is(ReviewStatus.SUBMITTED).and(CHECK_OVERDUE).is(null);
    }

    /** The reply is still owed: the overdue marker is set once, with its timeline entry. */
    static Criteria replyStillDue() {
        return Criteria.where("reply.status").is(ReplyStatus.PENDING).and(REPLY_OVERDUE).is(null);
    }

    /** A job's mark (the version untouched): the field set to {@code now}, with its timeline entry. */
    static Update marked(String field, Instant now, ReviewEntry entry) {
        return new Update().set(field, now).push("timeline", entry);
    }

    // ---- early warnings -----------------------------------------------------------------

    /** The numbers of upheld reviews on a topic since a time. */
    static Query upheldOnTopic(String topicKey, Instant since) {
        Query query = Query.query(Criteria.where("topicKey").is(topicKey).and("upheld").is(true)
                .and("verdict.at").gte(since)).with(Sort.by(Sort.Order.desc("verdict.at"))).limit(1000);
        query.fields().include("number");
        return query;
    }

    static String number(org.bson.Document found) {
        return found.getString("number");
    }

    static Query byId(UUID id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    static Update warningChecked() {
        return new Update().set("warningPending", false);
    }

    /** A topic's warning marker that is free: never set, or set before the window began. */
    static Query warningFree(String topic, Instant since) {
        return Query.query(new Criteria().andOperator(Criteria.where("_id").is(topic),
                new Criteria().orOperator(Criteria.where("lastWarnedAt").lt(since),
                        Criteria.where("lastWarnedAt").exists(false))));
    }

    static Update warned(Instant now) {
        return new Update().set("lastWarnedAt", now);
    }
}
