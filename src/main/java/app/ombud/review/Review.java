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
}
