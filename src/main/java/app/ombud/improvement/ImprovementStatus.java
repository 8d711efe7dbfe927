package app.ombud.improvement;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of an improvement action, every allowed transition in one place.
 *
 * <pre>
 * OPEN ─progress─▶ IN_PROGRESS ─submit─▶ SUBMITTED_FOR_VERIFICATION ─effective─▶ CLOSED
 *                       ▲                          │
 *                       └──── not effective ───────┘ (reopened: a reason and a new due date)
 * OPEN, IN_PROGRESS, SUBMITTED_FOR_VERIFICATION ─cancel (the raiser's side, a reason)─▶ CANCELLED
 * </pre>
 */
public enum ImprovementStatus {
    OPEN, IN_PROGRESS, SUBMITTED_FOR_VERIFICATION, CLOSED, CANCELLED;

    private static final Map<ImprovementStatus, Set<ImprovementStatus>> NEXT = Map.of(
            OPEN, EnumSet.of(IN_PROGRESS, CANCELLED),
            IN_PROGRESS, EnumSet.of(SUBMITTED_FOR_VERIFICATION, CANCELLED),
            SUBMITTED_FOR_VERIFICATION, EnumSet.of(CLOSED, IN_PROGRESS, CANCELLED),
            CLOSED, EnumSet.noneOf(ImprovementStatus.class),
            CANCELLED, EnumSet.noneOf(ImprovementStatus.class));

    public boolean canMoveTo(ImprovementStatus next) {
        return NEXT.get(this).contains(next);
    }

    public boolean open() {
        return this != CLOSED && this != CANCELLED;
    }

    /** Whether the owner still works on it, so it can fall overdue. */
    public boolean owed() {
        return this == OPEN || this == IN_PROGRESS;
    }
}
