package app.ombud.calltest;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of a quarterly test-call plan, with every allowed transition in one place.
 *
 * <pre>
 * DRAFT ─submit─▶ SUBMITTED ─approve (group lead)─▶ ACTIVE ─close─▶ CLOSED
 *   ▲                 │
 *   └──send back──────┘
 * </pre>
 */
public enum PlanStatus {
    DRAFT, SUBMITTED, ACTIVE, CLOSED;

    private static final Map<PlanStatus, Set<PlanStatus>> NEXT = Map.of(
            DRAFT, EnumSet.of(SUBMITTED),
            SUBMITTED, EnumSet.of(ACTIVE, DRAFT),
            ACTIVE, EnumSet.of(CLOSED),
            CLOSED, EnumSet.noneOf(PlanStatus.class));

    public boolean canMoveTo(PlanStatus next) {
        return NEXT.get(this).contains(next);
    }

    public boolean open() {
        return this != CLOSED;
    }
}
