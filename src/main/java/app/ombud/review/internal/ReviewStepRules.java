package app.ombud.review.internal;

import app.ombud.platform.OmbudException;
import app.ombud.platform.Role;
import app.ombud.review.ReplyStatus;
import app.ombud.review.Review;
import app.ombud.review.ReviewStatus;
import app.ombud.review.ReviewStep;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The review's step rules ({@link ReviewDocument#refusal}): who may take each step, and in which
 * state of the review. Kept apart from the document's state changes, which call the state checks
 * here before they change anything.
 */
final class ReviewStepRules {

    private ReviewStepRules() {
    }

    /**
     * The one rule of each step: who may take it (their relation to this review) and in which
     * state. The commands, {@code allowedSteps} and the portal's buttons all ask this.
     */
    static Optional<OmbudException> refusal(ReviewDocument d, ReviewStep step, ReviewCaller caller) {
        if (!caller.person()) {
            return Optional.of(OmbudException.forbidden("PERSON_REQUIRED",
                    "This step is taken by a person: use a token that names you (employee_id), not an API client's"));
        }
        return Optional.ofNullable(switch (step) {
            case RESUBMIT -> or(submitterOrLead(d, caller),
                    () -> unless(d, d.status() == ReviewStatus.RETURNED_TO_EMPLOYEE, "resubmitted"));
            case WITHDRAW -> or(submitterOrLead(d, caller),
                    () -> unless(d, d.status().canMoveTo(ReviewStatus.WITHDRAWN), "withdrawn"));
            case FORWARD -> or(teamLead(d, caller), () -> unless(d, d.status() == ReviewStatus.SUBMITTED
                    || d.status() == ReviewStatus.RETURNED_TO_LEAD, "forwarded"));
            case RETURN_TO_EMPLOYEE -> or(teamLead(d, caller), () -> unless(d, d.status() == ReviewStatus.SUBMITTED, "returned"));
            case TAKE -> or(inReview(d, caller, "taken"), () -> caller.me().equals(d.assignee())
                    ? OmbudException.conflict("REVIEW_ALREADY_TAKEN", "You already hold review {0}", d.number()) : null);
            case RETURN_TO_LEAD -> inReview(d, caller, "returned");
            case ROUTE -> or(inReview(d, caller, "routed"), () -> unless(d, d.verdict() == null, "routed"));
            case VERIFY -> or(inReview(d, caller, "verified"), () -> frontDesk(d));
            case RECORD_SIDE_NOTICE -> or(inReview(d, caller, "notified"), () -> notifiedSide(d));
            case RECORD_SIDE_ANSWER -> or(or(inReview(d, caller, "answered"), () -> notifiedSide(d)), () -> sideNotified(d));
            case JUDGE -> or(reviewTeam(d, caller), () -> caller.accusedIn(d) ? accusedJudge()
                    : judgeRefusal(d).orElse(null));
            case APPEAL -> caller.appellantRole(d).isEmpty() ? OmbudException.forbidden("APPEAL_NOT_ALLOWED",
                    "Only the accused employee or their team lead may appeal review {0}", d.number())
                    : d.status() != ReviewStatus.JUDGED ? d.transitionRefused("appealed")
                    : d.appealDue() != null && !caller.now().isBefore(d.appealDue()) ? appealWindowClosed(d) : null;
            case REJUDGE -> !caller.has(Role.WHITELIST_OWNER) ? forbidden()
                    : caller.accusedIn(d) ? accusedJudge()
                    : caller.judgeOf(d) ? OmbudException.forbidden("REJUDGE_BY_ORIGINAL_JUDGE",
                            "The appeal of review {0} is re-judged by another person than its judge", d.number())
                    : unless(d, d.status() == ReviewStatus.APPEALED, "re-judged");
            case NAME_EMPLOYEE_SIDE -> caller.employeeSideOf(d) ? sideOpen(d, true) : sideNotYours();
            case NAME_REVIEW_SIDE -> caller.has(Role.WHITELIST_OWNER) ? sideOpen(d, false) : sideNotYours();
            case RECORD_REPLY_ATTEMPT, REPORT_SPECIAL, EXPLAIN_DIRECTLY, REPLY_OTHER ->
                    or(reviewTeam(d, caller), () -> replyNotOpen(d, "handled"));
            case DECIDE_SPECIAL -> caller.actor().hasAny(Role.WHITELIST_OWNER, Role.SITE_MANAGER)
                    ? specialReported(d) : forbidden();
            case ADD_TO_LIBRARY -> or(reviewTeam(d, caller), () -> judgedOnly(d));
            case REMOVE_FROM_LIBRARY -> or(reviewTeam(d, caller), () -> inLibrary(d));
        });
    }

    static OmbudException or(OmbudException first, Supplier<OmbudException> then) {
        return first != null ? first : then.get();
    }

    /** Why this review cannot be judged now (status, routing, verification, the other side's answer), if so. */
    static Optional<OmbudException> judgeRefusal(ReviewDocument d) {
        Review.Task task = d.view().openTask();
        if (task == null) {
            return Optional.of(d.transitionRefused("judged"));
        }
        return Optional.ofNullable(switch (task) {
            case ROUTE -> OmbudException.conflict("REVIEW_NOT_ROUTED", "Route review {0} before judging it", d.number());
            case VERIFY -> OmbudException.conflict("REVIEW_NOT_VERIFIED",
                    "Verify review {0} from the call recording before judging it", d.number());
            case CALL, AWAIT_ANSWER -> OmbudException.conflict("REVIEW_SIDE_NOT_ANSWERED",
                    "Review {0} waits for the answer of {1}", d.number(), d.route().notifyNumber());
            case JUDGE -> null;
        });
    }

    static OmbudException unless(ReviewDocument d, boolean allowed, String action) {
        return allowed ? null : d.transitionRefused(action);
    }

    static OmbudException submitterOrLead(ReviewDocument d, ReviewCaller caller) {
        return caller.submitterOf(d) || caller.teamLeadOf(d) ? null
                : OmbudException.forbidden("REVIEW_NOT_YOURS", "Review {0} is not yours to change", d.number());
    }

    static OmbudException teamLead(ReviewDocument d, ReviewCaller caller) {
        return caller.teamLeadOf(d) ? null : OmbudException.forbidden("REVIEW_NOT_TEAM_LEAD",
                "Only the team lead of the employee who submitted review {0} checks it", d.number());
    }

    /** A step of the review team on a review with it. */
    static OmbudException inReview(ReviewDocument d, ReviewCaller caller, String action) {
        return or(reviewTeam(d, caller), () -> unless(d, d.status() == ReviewStatus.IN_REVIEW, action));
    }

    static OmbudException reviewTeam(ReviewDocument d, ReviewCaller caller) {
        return caller.reviewTeam() ? null
                : OmbudException.forbidden("REVIEW_TEAM_ONLY", "Only the review team works on review {0}", d.number());
    }

    static OmbudException frontDesk(ReviewDocument d) {
        return d.route() == null || d.route().notifyByCall() ? OmbudException.conflict("REVIEW_NOT_FRONT_DESK",
                "Review {0} is not verified from the recording: it goes to {1}", d.number(),
                d.route() == null ? "-" : d.route().group()) : null;
    }

    static OmbudException sideNotified(ReviewDocument d) {
        return d.sideNotice() == null ? OmbudException.conflict("REVIEW_SIDE_NOT_NOTIFIED",
                "Record the call to {0} before its answer", d.route() == null ? "-" : d.route().notifyNumber()) : null;
    }

    static OmbudException judgedOnly(ReviewDocument d) {
        return d.status().judged() ? null : OmbudException.conflict("REVIEW_NOT_JUDGED",
                "Only a judged review goes to the case library: {0}", d.number());
    }

    static OmbudException inLibrary(ReviewDocument d) {
        return d.library() != null ? null
                : OmbudException.conflict("REVIEW_NOT_IN_LIBRARY", "Review {0} is not in the case library", d.number());
    }

    static OmbudException specialReported(ReviewDocument d) {
        return d.reply() != null && d.reply().status() == ReplyStatus.SPECIAL_REPORTED ? null : OmbudException.conflict(
                "REPLY_NOT_SPECIAL", "Review {0} has no reported special complainant", d.number());
    }

    static OmbudException notifiedSide(ReviewDocument d) {
        return d.route() == null || !d.route().notifyByCall() ? OmbudException.conflict("REVIEW_NOT_NOTIFY_BY_CALL",
                "Review {0} is not handled by notifying another side", d.number()) : null;
    }

    static OmbudException sideOpen(ReviewDocument d, boolean employeeSide) {
        if (d.status() != ReviewStatus.PANEL_FORMING || d.appeal() == null) {
            return d.transitionRefused("named");
        }
        return (employeeSide ? d.appeal().employeeSide() : d.appeal().reviewSide()).isEmpty() ? null
                : OmbudException.conflict("PANEL_SIDE_ALREADY_NAMED", "This side of review {0} has named its members",
                        d.number());
    }

    static OmbudException replyNotOpen(ReviewDocument d, String action) {
        return d.reply() != null && d.reply().status().open() ? null : OmbudException.conflict("REPLY_NOT_OPEN",
                "The reply of review {0} is not open; it cannot be {1}", d.number(), action, d.reply() == null ? "-"
                        : new OmbudException.Label("review.replyStatus." + d.reply().status().name(),
                                d.reply().status().name()));
    }

    static OmbudException appealWindowClosed(ReviewDocument d) {
        return OmbudException.conflict("APPEAL_WINDOW_CLOSED", "The verdict of {0} can no longer be appealed", d.number());
    }

    static OmbudException sideNotYours() {
        return OmbudException.forbidden("PANEL_SIDE_NOT_YOURS",
                "Only the appellant names the employee side, a whitelist owner the review side");
    }

    static OmbudException accusedJudge() {
        return OmbudException.forbidden("JUDGE_IS_ACCUSED", "Nobody judges a complaint about themselves");
    }

    static OmbudException forbidden() {
        return OmbudException.forbidden("FORBIDDEN", "You are not allowed to do this");
    }

}
