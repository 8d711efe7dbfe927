package app.ombud.review;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of an internal review (SPEC §5), with every allowed transition in one place.
 *
 * <pre>
 * SUBMITTED ──team lead forwards──▶ IN_REVIEW ──judged, upheld──▶ JUDGED ──appeal──▶ APPEALED
 *     │  ▲                            │   ▲                │ (window ends)     │
 *     │  └─resubmit─ RETURNED_TO_EMPLOYEE  └─re-forward─ RETURNED_TO_LEAD      ▼    owner overturns ─▶ FINAL
 *     └──returned──┘                 └──returned by the review team──┘    FINAL    owner keeps ─▶ PANEL_FORMING
 * IN_REVIEW ──judged, not upheld──▶ FINAL                       PANEL_FORMING ──both sides named──▶ PANEL_VOTING
 * SUBMITTED / returned ──withdrawn──▶ WITHDRAWN                 PANEL_VOTING ──panel or site manager──▶ FINAL
 * </pre>
 */
public enum ReviewStatus {
    /** Submitted by the employee; the team lead checks it within the policy's hours. */
    SUBMITTED,
    /** Incomplete: back with the employee to complete and resubmit. */
    RETURNED_TO_EMPLOYEE,
    /** With the review team: routed, verified or notified, judged. */
    IN_REVIEW,
    /** Returned by the review team to the team lead (no explanation given, or out of scope). */
    RETURNED_TO_LEAD,
    /** Upheld; the employee or the team lead may appeal within the policy's days. */
    JUDGED,
    /** Appealed; the whitelist owner re-judges. */
    APPEALED,
    /** The owner kept the verdict: each side names three panel members. */
    PANEL_FORMING,
    /** The panel votes. */
    PANEL_VOTING,
    /** The verdict is final. */
    FINAL,
    /** Withdrawn before judgment. */
    WITHDRAWN;

    private static final Map<ReviewStatus, Set<ReviewStatus>> NEXT = Map.of(
            SUBMITTED, EnumSet.of(IN_REVIEW, RETURNED_TO_EMPLOYEE, WITHDRAWN),
            RETURNED_TO_EMPLOYEE, EnumSet.of(SUBMITTED, WITHDRAWN),
            IN_REVIEW, EnumSet.of(RETURNED_TO_LEAD, JUDGED, FINAL),
            RETURNED_TO_LEAD, EnumSet.of(IN_REVIEW, WITHDRAWN),
            JUDGED, EnumSet.of(APPEALED, FINAL),
            APPEALED, EnumSet.of(PANEL_FORMING, FINAL),
            PANEL_FORMING, EnumSet.of(PANEL_VOTING),
            PANEL_VOTING, EnumSet.of(FINAL),
            FINAL, EnumSet.noneOf(ReviewStatus.class),
            WITHDRAWN, EnumSet.noneOf(ReviewStatus.class));

    public boolean canMoveTo(ReviewStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Whether a verdict has been given. */
    public boolean judged() {
        return this == JUDGED || this == APPEALED || this == PANEL_FORMING || this == PANEL_VOTING || this == FINAL;
    }
}
