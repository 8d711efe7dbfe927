package app.ombud.escalation;

import java.time.Instant;

/** One step in an escalation's life. */
public record EscalationEntry(Instant at, String actor, String action, EscalationStatus from, EscalationStatus to,
        String note) {
}
