package app.ombud.escalation;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of an escalation (SPEC §2), with every allowed transition in one place.
 *
 * <pre>
 * SUBMITTED ─approve─▶ APPROVED ─report─▶ REPORTED ─approve report─▶ REPORT_APPROVED ─result sent─▶ RESULT_SENT ─evaluate─▶ CLOSED
 *     └─reject─▶ REJECTED                    ▲            │
 *                                            └─send back──┘
 * </pre>
 */
public enum EscalationStatus {
    SUBMITTED, REJECTED, APPROVED, REPORTED, REPORT_APPROVED, RESULT_SENT, CLOSED;

    private static final Map<EscalationStatus, Set<EscalationStatus>> NEXT = Map.of(
            SUBMITTED, EnumSet.of(APPROVED, REJECTED),
            REJECTED, EnumSet.noneOf(EscalationStatus.class),
            APPROVED, EnumSet.of(REPORTED),
            REPORTED, EnumSet.of(REPORT_APPROVED, APPROVED),
            REPORT_APPROVED, EnumSet.of(RESULT_SENT),
            RESULT_SENT, EnumSet.of(CLOSED),
            CLOSED, EnumSet.noneOf(EscalationStatus.class));

    public boolean canMoveTo(EscalationStatus next) {
        return NEXT.get(this).contains(next);
    }

    public boolean open() {
        return this != REJECTED && this != CLOSED;
    }
}
