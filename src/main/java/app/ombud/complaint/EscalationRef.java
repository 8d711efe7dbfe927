package app.ombud.complaint;

import java.time.Instant;
import java.util.UUID;

/** The escalation a case went to (SPEC §2). */
public record EscalationRef(UUID id, String number, Instant at) {
}
