package app.ombud.complaint;

import java.time.Instant;
import java.util.List;

/**
 * One step in a case's life: who, when, what, and the status change if any. {@code action} is a
 * code and {@code args} its codes and values (the grade: level, policy version and the criteria
 * that matched; an override: the levels before and after; a plan: its remedies), so a reader sees
 * the entry in their language; {@code note} is only text a person wrote (the dispatch note, the
 * override's reason, the result told to the customer). Entries stored before {@code args}
 * existed carry an English note and no arguments; they are shown as they are.
 */
public record TimelineEntry(Instant at, String actor, String actorName, String action, CaseStatus from,
        CaseStatus to, String note, List<String> args) {

    public TimelineEntry {
        args = args == null ? List.of() : List.copyOf(args);
    }
}
