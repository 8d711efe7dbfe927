package app.ombud.improvement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * An improvement action (改进措施) as readers see it, with the steps the reader may take on it now
 * ({@code allowedSteps}). {@code dueDate} is a working day of the policy's calendar; the action is
 * overdue after that day ends in the company's zone ({@code dueBy}) while its owner still works on
 * it, and {@code overdueAt} is when the job flagged it.
 */
public record ImprovementAction(UUID id, String number, ImprovementSource source, SourceRef sourceRef,
        String title, String description, UUID departmentId, String ownerEmployeeId, String raisedBy,
        UUID raiserDepartmentId, Instant raisedAt, LocalDate dueDate, Instant dueBy, Instant overdueAt,
        ImprovementStatus status, List<ProgressReport> progress, String completionSummary,
        List<VerificationResult> verifications, Retest retest, int reopenCount, Instant closedAt,
        String cancelReason, List<ImprovementEntry> timeline, Set<ImprovementStep> allowedSteps, long version) {

    public ImprovementAction {
        allowedSteps = allowedSteps == null ? Set.of() : Set.copyOf(allowedSteps);
    }

    public boolean allows(ImprovementStep step) {
        return allowedSteps.contains(step);
    }

    /** Flagged overdue while its owner still works on it. */
    public boolean overdue() {
        return overdueAt != null && status.owed();
    }
}
