package app.ombud.complaint;

import app.ombud.policy.CaseCategory;
import app.ombud.policy.CaseFlag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A complaint case as readers see it (the customer masked for BI readers). */
public record ComplaintCase(UUID id, String number, IntakeChannel channel, Customer customer, String subject,
        String description, CaseCategory category, Set<CaseFlag> flags, BigDecimal compensationAsked, boolean urgent,
        Instant receivedAt, String intakeBy, CaseStatus status, Grade grade, Assignment assignment,
        Deadlines deadlines, Instant acknowledgedAt, int repeatCount, List<UUID> earlierCases, int reworkCount,
        List<CaseNote> notes, ResolutionPlan plan, List<Feedback> feedback, Validity validity, Instant closedAt,
        Instant archivedAt, EscalationRef escalation, List<TimelineEntry> timeline, long version) {
}
