package app.ombud.review;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An internal review (白名单工单) as readers see it; phone numbers are masked for BI readers.
 * {@code upheld} is the verdict in force (after an appeal, the final one); {@code appealDue} is
 * when an upheld verdict can no longer be appealed.
 */
public record Review(UUID id, String number, WorkOrder workOrder, ReviewStatus status, String transferredFrom,
        UUID submitterTeamId, Instant submittedAt, Instant checkDue, Instant checkOverdueAt, Handover handover,
        List<ReviewReturn> returns, String assignee, ReviewRoute route, Verification verification,
        SideNotice sideNotice, Verdict verdict, Boolean upheld, Instant appealDue, Appeal appeal, Reply reply,
        LibraryEntry library, Instant finalAt, List<ReviewEntry> timeline, long version) {

    /** What the review team does next on a review it holds. */
    public enum Task {
        /** No routing rule took the accused ID: route it by hand. */
        ROUTE,
        /** Front desk: verify from the call recording. */
        VERIFY,
        /** Back office or partner line: call the configured number. */
        CALL,
        /** Waiting for that side's answer. */
        AWAIT_ANSWER,
        /** Ready for the verdict. */
        JUDGE
    }

    /** The review team's next task while the review is with it ({@code IN_REVIEW}); null otherwise. */
    public Task openTask() {
        if (status != ReviewStatus.IN_REVIEW) {
            return null;
        }
        if (route == null) {
            return Task.ROUTE;
        }
        if (!route.notifyByCall()) {
            return verification == null ? Task.VERIFY : Task.JUDGE;
        }
        if (sideNotice == null) {
            return Task.CALL;
        }
        return sideNotice.answered() ? Task.JUDGE : Task.AWAIT_ANSWER;
    }
}
