package app.ombud.improvement;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What raising an action takes: the source and its record (required unless MANUAL), what to
 * improve (a title and a description), the responsible department and the person in it, the due
 * date (null: the default working days from now on the policy's calendar) and, optionally, a
 * re-test to require.
 */
public record RaiseImprovement(ImprovementSource source, SourceRef sourceRef, String title, String description,
        UUID departmentId, String ownerEmployeeId, LocalDate dueDate, RetestRequest retest) {
}
