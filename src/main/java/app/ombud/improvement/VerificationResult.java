package app.ombud.improvement;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One verification by the raiser's side: effective (the action closes) or not (it is reopened
 * with the reason and a new due date), who and when.
 */
public record VerificationResult(boolean effective, String reason, LocalDate newDueDate, String by, Instant at) {
}
