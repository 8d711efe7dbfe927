package app.ombud.escalation.internal;

import app.ombud.escalation.Decision;
import app.ombud.escalation.Escalation;
import app.ombud.escalation.EscalationEntry;
import app.ombud.escalation.EscalationForm;
import app.ombud.escalation.EscalationStatus;
import app.ombud.escalation.EscalationTrigger;
import app.ombud.escalation.Evaluation;
import app.ombud.escalation.Meeting;
import app.ombud.escalation.PlanStep;
import app.ombud.escalation.TaskForce;
import app.ombud.escalation.TaskForceReport;
import app.ombud.platform.Actor;
import app.ombud.platform.OmbudException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An escalation. Like a case, it owns its rules: each step checks {@link EscalationStatus},
 * appends to the embedded timeline and is saved with the document's version.
 */
@Document("escalations")
public class EscalationDocument {

    @Id
    private final UUID id;
    @Indexed(unique = true)
    private final String number;
    @Indexed
    private final UUID caseId;
    private final String caseNumber;
    private final EscalationTrigger trigger;
    private final boolean automatic;
    private final String raisedBy;
    private final Instant raisedAt;
    private final UUID fromDepartmentId;
    @Indexed
    private final UUID toDepartmentId;
    private final EscalationForm form;
    private EscalationStatus status;
    private final Instant reviewDue;
    private Instant reviewOverdueAt;
    private Decision decision;
    private TaskForce taskForce;
    private final List<PlanStep> steps;
    private final List<Meeting> meetings;
    private TaskForceReport report;
    private Instant resultSentAt;
    private String resultText;
    private Evaluation evaluation;
    private final List<EscalationEntry> timeline;
    @Version
    private Long version;

    @PersistenceCreator
    EscalationDocument(UUID id, String number, UUID caseId, String caseNumber, EscalationTrigger trigger,
            boolean automatic, String raisedBy, Instant raisedAt, UUID fromDepartmentId, UUID toDepartmentId,
            EscalationForm form, EscalationStatus status, Instant reviewDue, Instant reviewOverdueAt,
            Decision decision, TaskForce taskForce, List<PlanStep> steps, List<Meeting> meetings,
            TaskForceReport report, Instant resultSentAt, String resultText, Evaluation evaluation,
            List<EscalationEntry> timeline, Long version) {
        this.id = id;
        this.number = number;
        this.caseId = caseId;
        this.caseNumber = caseNumber;
        this.trigger = trigger;
        this.automatic = automatic;
        this.raisedBy = raisedBy;
        this.raisedAt = raisedAt;
        this.fromDepartmentId = fromDepartmentId;
        this.toDepartmentId = toDepartmentId;
        this.form = form;
        this.status = status;
        this.reviewDue = reviewDue;
        this.reviewOverdueAt = reviewOverdueAt;
        this.decision = decision;
        this.taskForce = taskForce;
        this.steps = steps == null ? new ArrayList<>() : new ArrayList<>(steps);
        this.meetings = meetings == null ? new ArrayList<>() : new ArrayList<>(meetings);
        this.report = report;
        this.resultSentAt = resultSentAt;
        this.resultText = resultText;
        this.evaluation = evaluation;
        this.timeline = timeline == null ? new ArrayList<>() : new ArrayList<>(timeline);
        this.version = version;
    }

    public static EscalationDocument raise(UUID id, String number, UUID caseId, String caseNumber,
            EscalationTrigger trigger, boolean automatic, UUID fromDepartmentId, UUID toDepartmentId,
            EscalationForm form, Instant reviewDue, Actor actor, Instant now) {
        var document = new EscalationDocument(id, number, caseId, caseNumber, trigger, automatic, actor.subject(), now,
                fromDepartmentId, toDepartmentId, form, EscalationStatus.SUBMITTED, reviewDue, null, null, null,
                List.of(), List.of(), null, null, null, null, List.of(), null);
        document.log(actor, now, "submitted", null, EscalationStatus.SUBMITTED, trigger.name());
        return document;
    }

    public void review(boolean approve, String reason, Actor actor, Instant now) {
        move(approve ? EscalationStatus.APPROVED : EscalationStatus.REJECTED, actor, now,
                approve ? "approved" : "rejected", reason);
        decision = new Decision(approve, reason, actor.subject(), now);
    }

    public void formTaskForce(TaskForce force, Actor actor, Instant now) {
        requireStatus(EscalationStatus.APPROVED, "task force formed");
        taskForce = force;
        log(actor, now, "task-force-formed", null, null, "lead " + force.leadEmployeeId() + ", "
                + force.members().size() + " members");
    }

    public PlanStep addStep(String title, String owner, Instant due, Actor actor, Instant now) {
        requireTaskForce("planned");
        var step = new PlanStep(UUID.randomUUID(), title, owner, due, false, null);
        steps.add(step);
        log(actor, now, "step-planned", null, null, title);
        return step;
    }

    public void completeStep(UUID stepId, Actor actor, Instant now) {
        requireTaskForce("step completed");
        for (int i = 0; i < steps.size(); i++) {
            var step = steps.get(i);
            if (step.id().equals(stepId)) {
                if (!step.done()) {
                    steps.set(i, new PlanStep(step.id(), step.title(), step.ownerEmployeeId(), step.due(), true, now));
                    log(actor, now, "step-done", null, null, step.title());
                }
                return;
            }
        }
        throw OmbudException.notFound("STEP_NOT_FOUND", "No plan step {0}", stepId);
    }

    public void recordMeeting(Meeting meeting, Actor actor, Instant now) {
        requireTaskForce("meeting recorded");
        meetings.add(meeting);
        log(actor, now, "meeting", null, null, null);
    }

    public void submitReport(String process, String result, Integer satisfaction, Actor actor, Instant now) {
        requireTaskForce("reported");
        move(EscalationStatus.REPORTED, actor, now, "report-submitted", null);
        report = new TaskForceReport(process, result, satisfaction, actor.subject(), now, null, null, null);
    }

    public void reviewReport(boolean approve, String note, Actor actor, Instant now) {
        move(approve ? EscalationStatus.REPORT_APPROVED : EscalationStatus.APPROVED, actor, now,
                approve ? "report-approved" : "report-sent-back", note);
        report = new TaskForceReport(report.process(), report.result(), report.customerSatisfaction(),
                report.submittedBy(), report.submittedAt(), actor.subject(), now, note);
    }

    public void sendResult(String text, Actor actor, Instant now) {
        move(EscalationStatus.RESULT_SENT, actor, now, "result-sent", text);
        resultSentAt = now;
        resultText = text;
    }

    public void evaluate(int score, String comment, Actor actor, Instant now) {
        move(EscalationStatus.CLOSED, actor, now, "evaluated-closed", comment);
        evaluation = new Evaluation(score, comment, actor.subject(), now);
    }

    private void requireTaskForce(String action) {
        if (taskForce == null) {
            throw OmbudException.conflict("TASK_FORCE_REQUIRED", "Form the task force of {0} first", number);
        }
        if (status != EscalationStatus.APPROVED) {
            throw transitionError(action);
        }
    }

    private void requireStatus(EscalationStatus expected, String action) {
        if (status != expected) {
            throw transitionError(action);
        }
    }

    private void move(EscalationStatus next, Actor actor, Instant now, String action, String note) {
        if (!status.canMoveTo(next)) {
            throw transitionError(action);
        }
        var from = status;
        status = next;
        log(actor, now, action, from, next, note);
    }

    private OmbudException transitionError(String action) {
        return OmbudException.conflict("ESCALATION_TRANSITION_NOT_ALLOWED",
                "Escalation {0} is {1}; it cannot be {2} now", number, status.name(), action);
    }

    private void log(Actor actor, Instant now, String action, EscalationStatus from, EscalationStatus to,
            String note) {
        timeline.add(new EscalationEntry(now, actor.subject(), action, from, to, note));
    }

    public Escalation view() {
        return new Escalation(id, number, caseId, caseNumber, trigger, automatic, raisedBy, raisedAt, fromDepartmentId,
                toDepartmentId, form, status, reviewDue, reviewOverdueAt, decision, taskForce, List.copyOf(steps),
                List.copyOf(meetings), report, resultSentAt, resultText, evaluation, List.copyOf(timeline),
                version == null ? 0 : version);
    }

    public UUID id() {
        return id;
    }

    public String number() {
        return number;
    }

    public UUID toDepartmentId() {
        return toDepartmentId;
    }

    public UUID fromDepartmentId() {
        return fromDepartmentId;
    }

    public TaskForce taskForce() {
        return taskForce;
    }

    public EscalationStatus status() {
        return status;
    }

    public Long version() {
        return version;
    }
}
