package app.ombud.complaint;

import java.time.Instant;
import java.util.UUID;

/**
 * The escalation a case went to (SPEC §2) and the superior department reviewing it, whose
 * people may then see the case too.
 */
public record EscalationRef(UUID id, String number, Instant at, UUID toDepartmentId) {
}
