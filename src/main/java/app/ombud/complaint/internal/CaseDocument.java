package app.ombud.complaint.internal;

import app.ombud.complaint.Assignment;
import app.ombud.complaint.CaseStatus;
import app.ombud.complaint.ComplaintCase;
import app.ombud.complaint.Customer;
import app.ombud.complaint.Deadlines;
import app.ombud.complaint.Grade;
import app.ombud.complaint.IntakeChannel;
import app.ombud.complaint.TimelineEntry;
import app.ombud.platform.Actor;
import app.ombud.platform.OmbudException;
import app.ombud.policy.CaseCategory;
import app.ombud.policy.CaseFlag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A complaint case. It owns its rules: every change goes through a method that checks the
 * state machine ({@link CaseStatus}) and appends to the embedded timeline, and the document is
 * saved with its version, so the change and its timeline entry are one atomic update and a
 * concurrent change is a conflict, not a lost update.
 */
@Document("cases")
@CompoundIndexes({
    @CompoundIndex(name = "received_id", def = "{'receivedAt': -1, '_id': -1}"),
    @CompoundIndex(name = "status_due", def = "{'status': 1, 'deadlines.resolutionDue': 1}"),
    @CompoundIndex(name = "phone_category", def = "{'customer.phone': 1, 'category': 1, 'receivedAt': -1}"),
    @CompoundIndex(name = "department", def = "{'assignment.departmentId': 1, 'receivedAt': -1}")
})
public class CaseDocument {

    @Id
    private final UUID id;
    @Indexed(unique = true)
    private final String number;
    private final IntakeChannel channel;
    private final Customer customer;
    private final String subject;
    private final String description;
    private final CaseCategory category;
    private final Set<CaseFlag> flags;
    private final BigDecimal compensationAsked;
    private final boolean urgent;
    private final Instant receivedAt;
    @Indexed
    private final String intakeBy;
    private final UUID intakeDepartmentId;
    private final UUID intakeTeamId;
    private CaseStatus status;
    private Grade grade;
    private Assignment assignment;
    private Deadlines deadlines;
    private Instant acknowledgedAt;
    private final int repeatCount;
    private final List<UUID> earlierCases;
    private int reworkCount;
    private final List<TimelineEntry> timeline;
    @Version
    private Long version;

    @PersistenceCreator
    CaseDocument(UUID id, String number, IntakeChannel channel, Customer customer, String subject,
            String description, CaseCategory category, Set<CaseFlag> flags, BigDecimal compensationAsked,
            boolean urgent, Instant receivedAt, String intakeBy, UUID intakeDepartmentId, UUID intakeTeamId,
            CaseStatus status, Grade grade, Assignment assignment,
            Deadlines deadlines, Instant acknowledgedAt, int repeatCount, List<UUID> earlierCases, int reworkCount,
            List<TimelineEntry> timeline, Long version) {
        this.id = id;
        this.number = number;
        this.channel = channel;
        this.customer = customer;
        this.subject = subject;
        this.description = description;
        this.category = category;
        this.flags = flags == null ? Set.of() : Set.copyOf(flags);
        this.compensationAsked = compensationAsked;
        this.urgent = urgent;
        this.receivedAt = receivedAt;
        this.intakeBy = intakeBy;
        this.intakeDepartmentId = intakeDepartmentId;
        this.intakeTeamId = intakeTeamId;
        this.status = status;
        this.grade = grade;
        this.assignment = assignment;
        this.deadlines = deadlines;
        this.acknowledgedAt = acknowledgedAt;
        this.repeatCount = repeatCount;
        this.earlierCases = earlierCases == null ? List.of() : List.copyOf(earlierCases);
        this.reworkCount = reworkCount;
        this.timeline = timeline == null ? new ArrayList<>() : new ArrayList<>(timeline);
        this.version = version;
    }

    /** A new case, graded, with its deadlines, linked to the customer's earlier cases. */
    public static CaseDocument intake(String number, ValidIntake intake, Grade grade, Deadlines deadlines,
            List<UUID> earlierCases, Actor actor, UUID intakeDepartmentId, UUID intakeTeamId, Instant now) {
        var document = new CaseDocument(UUID.randomUUID(), number, intake.channel(), intake.customer(),
                intake.subject(), intake.description(), intake.category(), intake.flags(), intake.compensationAsked(),
                intake.urgent(), intake.receivedAt(), actor.employeeId() != null ? actor.employeeId() : actor.subject(),
                intakeDepartmentId, intakeTeamId, CaseStatus.NEW, grade, null, deadlines, null, earlierCases.size(), earlierCases, 0, List.of(), null);
        document.log(actor, now, "intake", null, CaseStatus.NEW, null);
        document.log(actor, now, "graded", null, null, "level " + grade.level()
                + (grade.matchedCriteria().isEmpty() ? " (fallback)" : " " + String.join(",", grade.matchedCriteria()))
                + ", policy v" + grade.policyVersion());
        return document;
    }

    public void dispatch(Assignment to, Actor actor, Instant now, String note) {
        move(CaseStatus.DISPATCHED, actor, now, "dispatched", note);
        this.assignment = to;
    }

    public void acknowledge(Actor actor, Instant now) {
        move(CaseStatus.IN_PROGRESS, actor, now, "acknowledged", null);
        if (acknowledgedAt == null) {
            acknowledgedAt = now;
        }
    }

    /** An authorised person sets another level; the reason is kept in the timeline. */
    public void overrideLevel(int level, String reason, Deadlines newDeadlines, Actor actor, Instant now) {
        if (!status.open()) {
            throw OmbudException.conflict("CASE_CLOSED", "Case {0} is closed", number);
        }
        int before = grade.level();
        grade = new Grade(grade.suggestedLevel(), grade.matchedCriteria(), grade.fallback(), grade.policyVersion(),
                level, actor.subject(), reason);
        deadlines = newDeadlines;
        log(actor, now, "level-overridden", null, null, before + " → " + level + ": " + reason);
    }

    private void move(CaseStatus next, Actor actor, Instant now, String action, String note) {
        if (!status.canMoveTo(next)) {
            throw OmbudException.conflict("CASE_TRANSITION_NOT_ALLOWED",
                    "Case {0} is {1}; it cannot be {2} now", number, status.name(), action);
        }
        CaseStatus from = status;
        status = next;
        log(actor, now, action, from, next, note);
    }

    private void log(Actor actor, Instant now, String action, CaseStatus from, CaseStatus to, String note) {
        timeline.add(new TimelineEntry(now, actor.subject(), actor.name(), action, from, to, note));
    }

    public ComplaintCase view() {
        return new ComplaintCase(id, number, channel, customer, subject, description, category, flags,
                compensationAsked, urgent, receivedAt, intakeBy, status, grade, assignment, deadlines, acknowledgedAt,
                repeatCount, earlierCases, reworkCount, List.copyOf(timeline), version == null ? 0 : version);
    }

    public UUID id() {
        return id;
    }

    public String number() {
        return number;
    }

    public CaseStatus status() {
        return status;
    }

    public Grade grade() {
        return grade;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public boolean urgent() {
        return urgent;
    }

    public Long version() {
        return version;
    }
}
