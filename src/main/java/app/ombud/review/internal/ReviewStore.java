package app.ombud.review.internal;

import app.ombud.platform.Actor;
import app.ombud.platform.AuditTrail;
import app.ombud.platform.OmbudException;
import app.ombud.platform.PersonalData;
import app.ombud.platform.RecordWrites;
import app.ombud.review.Review;
import app.ombud.review.ReviewStep;
import app.ombud.review.WorkOrder;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Loading and saving reviews for the services of the module: a review the caller may see (with the
 * version they expect), one versioned save with its audit entry, the system's read-change-save
 * with a retry for jobs and events, and the review as its reader may see it.
 */
@Component
public class ReviewStore {

    private static final Logger log = LoggerFactory.getLogger(ReviewStore.class);

    private final MongoTemplate mongo;
    private final AuditTrail audit;
    private final RecordWrites writes;

    ReviewStore(MongoTemplate mongo, AuditTrail audit, RecordWrites writes) {
        this.mongo = mongo;
        this.audit = audit;
        this.writes = writes;
    }

    /** The review, if the caller may see it and it is at the version they expect (null: any). */
    public ReviewDocument visible(UUID id, Long expectedVersion, ReviewCaller caller) {
        var document = mongo.findOne(ReviewFields.visible(id, caller), ReviewDocument.class);
        if (document == null) {
            throw OmbudException.notFound("REVIEW_NOT_FOUND", "No review {0} that you may see", id);
        }
        if (expectedVersion != null && !expectedVersion.equals(document.version() == null ? 0L
                : document.version())) {
            throw OmbudException.concurrentUpdate();
        }
        return document;
    }

    /**
     * The review a caller takes a step on: one they may see, at the version they expect, and the
     * step's rule ({@link ReviewDocument#refusal}) lets them take it now.
     */
    public ReviewDocument forStep(UUID id, Long expectedVersion, ReviewStep step, ReviewCaller caller) {
        var document = visible(id, expectedVersion, caller);
        document.require(step, caller);
        return document;
    }

    /** Those of the reviews the caller may see, in one query. */
    public List<ReviewDocument> visible(Collection<UUID> ids, ReviewCaller caller) {
        return mongo.find(ReviewFields.visible(ids, caller), ReviewDocument.class);
    }

    /** The review by ID, whoever may see it (null when there is none). */
    public ReviewDocument find(UUID id) {
        return mongo.findById(id, ReviewDocument.class);
    }

    /** A new review, with its audit entry. */
    public void insert(ReviewDocument document, String action, Map<String, String> details) {
        mongo.insert(document);
        audit.record(action, "Review", document.number(), details);
    }

    /** Saves a step of a person with the version read: a concurrent change is refused, the jobs' marks are kept. */
    public Review save(ReviewDocument document, String action) {
        var saved = writes.save(document);
        audit.record(action, "Review", saved.number(), Map.of("status", saved.status().name()));
        return saved.view();
    }

    /** Saves the caller's step (see {@link #save(ReviewDocument, String)}) and answers the review as they may see it. */
    public Review save(ReviewDocument document, String action, ReviewCaller caller) {
        return present(save(document, action), caller.actor());
    }

    /**
     * Reads, changes and saves a review as the system (jobs, events), reading again when a person
     * changed it meanwhile. {@code change} answers whether it still applies (or throws why not);
     * false when it does not or the review is gone.
     */
    public boolean update(UUID id, Predicate<ReviewDocument> change, String action, Map<String, String> details) {
        for (int attempt = 0; attempt < 5; attempt++) {
            var document = find(id);
            if (document == null) {
                return false;
            }
            try {
                if (!change.test(document)) {
                    return false;
                }
            } catch (OmbudException e) {
                log.warn("Review {}: {} not done: {}", document.number(), action, e.getMessage());
                return false;
            }
            try {
                writes.save(document);
                audit.record(Actor.SYSTEM, action, "Review", document.number(), details);
                return true;
            } catch (OmbudException e) {
                if (!e.isConcurrentUpdate()) {
                    throw e;
                }
                // a person changed it meanwhile: read again and apply on the new version
            }
        }
        throw OmbudException.concurrentUpdate();
    }

    /** The review as this reader may see it: for BI readers the customer's numbers and every free text masked. */
    public static Review present(Review view, Actor actor) {
        if (!PersonalData.hiddenFrom(actor)) {
            return view;
        }
        WorkOrder o = view.workOrder();
        var masked = new WorkOrder(o.submitterEmployeeId(), PersonalData.maskContact(o.callerNumber()), o.callAt(),
                PersonalData.maskContact(o.contactNumber()), o.complaint(), o.demand(), o.demandKind(),
                o.accusedEmployeeId(), o.source(), o.topic());
        return PersonalData.maskTexts(new Review(view.id(), view.number(), masked, view.status(),
                view.transferredFrom(), view.submitterTeamId(), view.submittedAt(), view.checkDue(),
                view.checkOverdueAt(), view.handover(), view.returns(), view.assignee(), view.route(),
                view.verification(), view.sideNotice(), view.verdict(), view.upheld(), view.appealDue(), view.appeal(),
                view.reply(), view.library(), view.finalAt(), view.timeline(), view.version()));
    }
}
