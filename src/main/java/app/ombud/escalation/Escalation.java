package app.ombud.escalation;

import app.ombud.complaint.Feedback;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * An escalation of a complaint case to the superior department, as readers see it, with the
 * steps the reader may take on it now ({@code allowedSteps}).
 */
public record Escalation(UUID id, String number, UUID caseId, String caseNumber, EscalationTrigger trigger,
        boolean automatic, String raisedBy, Instant raisedAt, UUID fromDepartmentId, UUID toDepartmentId,
        EscalationForm form, EscalationStatus status, Instant reviewDue, Instant reviewOverdueAt, Decision decision,
        TaskForce taskForce, List<PlanStep> steps, List<Meeting> meetings, TaskForceReport report,
        Instant resultSentAt, String resultText, Feedback.ResultChannel resultChannel, Boolean customerAccepted,
        Evaluation evaluation, List<EscalationEntry> timeline, Set<EscalationStep> allowedSteps, long version) {

    public Escalation {
        allowedSteps = allowedSteps == null ? Set.of() : Set.copyOf(allowedSteps);
    }

    /** Whether the reader may take this step now. */
    public boolean allows(EscalationStep step) {
        return allowedSteps.contains(step);
    }
}
