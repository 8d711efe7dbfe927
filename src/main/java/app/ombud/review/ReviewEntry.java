package app.ombud.review;

import java.time.Instant;

/** One step in a review's life: who, when, what, the status change if any, and why. */
public record ReviewEntry(Instant at, String actor, String actorName, String action, ReviewStatus from,
        ReviewStatus to, String note) {
}
