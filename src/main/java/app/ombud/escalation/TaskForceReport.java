package app.ombud.escalation;

import java.time.Instant;

/** The task force's final report (process, result, customer satisfaction) and its approval. */
public record TaskForceReport(String process, String result, Integer customerSatisfaction, String submittedBy,
        Instant submittedAt, String reviewedBy, Instant reviewedAt, String reviewNote) {
}
