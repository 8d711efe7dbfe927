package app.ombud.improvement;

import java.time.Instant;
import java.util.List;

/**
 * One step in an action's life. {@code action} is a code and {@code args} its codes and values
 * (raised: the source; reopened: the new due date; retest-recorded: the test call and PASSED or
 * FAILED; overdue: the due date), rendered in the reader's language; {@code note} is only text a
 * person wrote (a reason, a progress report).
 */
public record ImprovementEntry(Instant at, String actor, String action, ImprovementStatus from,
        ImprovementStatus to, String note, List<String> args) {

    public ImprovementEntry {
        args = args == null ? List.of() : List.copyOf(args);
    }
}
