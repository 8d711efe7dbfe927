package app.ombud.complaint;

import java.time.Instant;

/** A case's due times on the working calendar, and when the warning and the breach were raised. */
public record Deadlines(Instant acknowledgeDue, Instant resolutionDue, Instant warnedAt, Instant breachedAt) {
}
