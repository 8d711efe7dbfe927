package app.ombud.complaint;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of a complaint case, with every allowed transition in one place (SPEC §1).
 *
 * <pre>
 * NEW ──dispatch──▶ DISPATCHED ──acknowledge──▶ IN_PROGRESS ──send result──▶ AWAITING_FEEDBACK
 *                      ▲  (re-dispatch from any open state)       ▲                 │
 *                      │                                          └──rejected (rework)┘
 * AWAITING_FEEDBACK ──accepted──▶ CLOSED ──archive──▶ ARCHIVED
 * IN_PROGRESS ──close as invalid (explained)──▶ CLOSED
 * </pre>
 */
public enum CaseStatus {
    NEW, DISPATCHED, IN_PROGRESS, AWAITING_FEEDBACK, CLOSED, ARCHIVED;

    private static final Map<CaseStatus, Set<CaseStatus>> NEXT = Map.of(
            NEW, EnumSet.of(DISPATCHED),
            DISPATCHED, EnumSet.of(DISPATCHED, IN_PROGRESS),
            IN_PROGRESS, EnumSet.of(DISPATCHED, AWAITING_FEEDBACK, CLOSED),
            AWAITING_FEEDBACK, EnumSet.of(IN_PROGRESS, CLOSED),
            CLOSED, EnumSet.of(ARCHIVED),
            ARCHIVED, EnumSet.noneOf(CaseStatus.class));

    public boolean canMoveTo(CaseStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Whether the case still runs against its deadlines. */
    public boolean open() {
        return this != CLOSED && this != ARCHIVED;
    }
}
