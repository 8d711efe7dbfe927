package app.ombud.complaint;

import java.time.Instant;

/** One step in a case's life: who, when, what, why, and the status change if any. */
public record TimelineEntry(Instant at, String actor, String actorName, String action, CaseStatus from,
        CaseStatus to, String note) {
}
