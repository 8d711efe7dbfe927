package app.ombud.escalation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An escalation of a complaint case to the superior department, as readers see it. */
public record Escalation(UUID id, String number, UUID caseId, String caseNumber, EscalationTrigger trigger,
        boolean automatic, String raisedBy, Instant raisedAt, UUID fromDepartmentId, UUID toDepartmentId,
        EscalationForm form, EscalationStatus status, Instant reviewDue, Instant reviewOverdueAt, Decision decision,
        TaskForce taskForce, List<PlanStep> steps, List<Meeting> meetings, TaskForceReport report,
        Instant resultSentAt, String resultText, Evaluation evaluation, List<EscalationEntry> timeline,
        long version) {
}
