package app.ombud.review;

import java.time.Instant;
import java.util.List;

/**
 * One step in a review's life: who, when, what, the status change if any. {@code action} is a
 * code and {@code args} its codes and values (a routing group and the policy version, a return
 * reason and gaps, the verdict's type, policy version and criteria, ...), so a reader sees the
 * entry in their language; {@code note} is only text a person wrote (a reason, a finding, the
 * basis). Entries stored before {@code args} existed have none and keep their note.
 */
public record ReviewEntry(Instant at, String actor, String actorName, String action, ReviewStatus from,
        ReviewStatus to, String note, List<String> args) {

    public ReviewEntry {
        args = args == null ? List.of() : List.copyOf(args);
    }
}
