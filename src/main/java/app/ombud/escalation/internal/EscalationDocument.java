package app.ombud.escalation.internal;

import app.ombud.complaint.Feedback;
import app.ombud.escalation.Decision;
import app.ombud.escalation.Escalation;
import app.ombud.escalation.EscalationEntry;
import app.ombud.escalation.EscalationForm;
import app.ombud.escalation.EscalationStatus;
import app.ombud.escalation.EscalationStep;
import app.ombud.escalation.EscalationTrigger;
import app.ombud.escalation.Evaluation;
import app.ombud.escalation.Meeting;
import app.ombud.escalation.PlanStep;
import app.ombud.escalation.TaskForce;
import app.ombud.escalation.TaskForceReport;
import app.ombud.platform.Actor;
import app.ombud.platform.OmbudException;
import app.ombud.platform.SharedRecord;
import app.ombud.platform.StepGuard;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An escalation. It owns its rules: {@link #refusal} says, one rule per step, whether a caller
 * may take a step now (the service's commands {@code require} it, {@code allowedSteps} lists the
 * steps without a refusal); each step checks {@link EscalationStatus}, appends to the embedded
 * timeline and is saved with the document's version. Status is written only here; the fields the
 * jobs own ({@code reviewOverdueAt}, {@code returnedAt}) are set by the conditional updates of
 * {@link EscalationFields}.
 */
@CompoundIndexes({
    @CompoundIndex(name = "caseId", def = "{'caseId': 1}"),
    @CompoundIndex(name = "fromDepartmentId_raisedAt", def = "{'fromDepartmentId': 1, 'raisedAt': -1, '_id': 1}"),
    @CompoundIndex(name = "membersEmployeeId_raisedAt",
            def = "{'taskForce.members.employeeId': 1, 'raisedAt': -1, '_id': 1}"),
    @CompoundIndex(name = "raisedAt", def = "{'raisedAt': -1, '_id': 1}"),
    @CompoundIndex(name = "raisedBy_raisedAt", def = "{'raisedBy': 1, 'raisedAt': -1, '_id': 1}"),
    @CompoundIndex(name = "status_toDepartmentId_reviewDue_raisedAt",
            def = "{'status': 1, 'toDepartmentId': 1, 'reviewDue': 1, 'raisedAt': 1, '_id': 1}"),
    @CompoundIndex(name = "taskForceLeadEmployeeId_raisedAt",
            def = "{'taskForce.leadEmployeeId': 1, 'raisedAt': -1, '_id': 1}"),
    @CompoundIndex(name = "toDepartmentId_raisedAt", def = "{'toDepartmentId': 1, 'raisedAt': -1, '_id': 1}")
})
@Document("escalations")
public class EscalationDocument implements StepGuard<EscalationStep, EscalationCaller>, SharedRecord {

    @Id
    private final UUID id;
    @Indexed(unique = true)
    private final String number;
    private final UUID caseId;
    private final String caseNumber;
    private final EscalationTrigger trigger;
    private final boolean automatic;
    private final String raisedBy;
    private final Instant raisedAt;
    private final UUID fromDepartmentId;
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
    private String resultSentBy;
    private String resultText;
    private Feedback.ResultChannel resultChannel;
    private Boolean customerAccepted;
    private Evaluation evaluation;
    /** When the case was told the escalation ended (its result returned, its lock released); set by a job's update. */
    private Instant returnedAt;
    private final List<EscalationEntry> timeline;
    @Version
    private Long version;
    /** How many timeline entries were read: the rest this change appended. */
    @Transient
    private final int readTimeline;

    @PersistenceCreator
    EscalationDocument(UUID id, String number, UUID caseId, String caseNumber, EscalationTrigger trigger,
            boolean automatic, String raisedBy, Instant raisedAt, UUID fromDepartmentId, UUID toDepartmentId,
            EscalationForm form, EscalationStatus status, Instant reviewDue, Instant reviewOverdueAt,
            Decision decision, TaskForce taskForce, List<PlanStep> steps, List<Meeting> meetings,
            TaskForceReport report, Instant resultSentAt, String resultSentBy, String resultText,
            Feedback.ResultChannel resultChannel, Boolean customerAccepted, Evaluation evaluation,
            Instant returnedAt, List<EscalationEntry> timeline, Long version) {
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
        this.resultSentBy = resultSentBy;
        this.resultText = resultText;
        this.resultChannel = resultChannel;
        this.customerAccepted = customerAccepted;
        this.evaluation = evaluation;
        this.returnedAt = returnedAt;
        this.timeline = timeline == null ? new ArrayList<>() : new ArrayList<>(timeline);
        this.version = version;
        this.readTimeline = this.timeline.size();
    }

    // ---- how a person's save and the jobs share the record (RecordWrites) ----------------

    @Override
    public Set<String> jobOwnedFields() {
        return Set.of(EscalationFields.REVIEW_OVERDUE, EscalationFields.RETURNED);
    }

    @Override
    public Map<String, List<?>> appended() {
        return Map.of("timeline", List.copyOf(timeline.subList(readTimeline, timeline.size())));
    }

    public static EscalationDocument raise(UUID id, String number, UUID caseId, String caseNumber,
            EscalationTrigger trigger, boolean automatic, UUID fromDepartmentId, UUID toDepartmentId,
            EscalationForm form, Instant reviewDue, Actor actor, Instant now) {
        var document = new EscalationDocument(id, number, caseId, caseNumber, trigger, automatic, actor.key(), now,
                fromDepartmentId, toDepartmentId, form, EscalationStatus.SUBMITTED, reviewDue, null, null, null,
                List.of(), List.of(), null, null, null, null, null, null, null, null, List.of(), null);
        document.log(actor, now, "submitted", null, EscalationStatus.SUBMITTED, null, trigger.name());
        return document;
    }

    // ---- the rule of each step ----------------------------------------------------------------

    @Override
    public Class<EscalationStep> stepType() {
        return EscalationStep.class;
    }

    @Override
    public Optional<OmbudException> refusal(EscalationStep step, EscalationCaller caller) {
        if (!caller.person()) {
            return Optional.of(OmbudException.forbidden("PERSON_REQUIRED",
                    "This step is taken by a person: use a token that names you (employee_id), not an API client's"));
        }
        return Optional.ofNullable(switch (step) {
            case REVIEW -> status != EscalationStatus.SUBMITTED ? transitionError("reviewed") : reviewer(caller);
            case FORM_TASK_FORCE -> status != EscalationStatus.APPROVED || taskForce != null
                    ? transitionError("given a task force") : reviewer(caller);
            case ADD_STEP, COMPLETE_STEP, RECORD_MEETING, SUBMIT_REPORT -> taskForceWork(caller);
            case REVIEW_REPORT -> status != EscalationStatus.REPORTED ? transitionError("report reviewed")
                    : caller.key().equals(report.submittedBy())
                            ? OmbudException.forbidden("REPORT_REVIEW_BY_SUBMITTER",
                                    "Someone other than who submitted the report of {0} reviews it", number)
                            : reviewer(caller);
            case SEND_RESULT -> status != EscalationStatus.REPORT_APPROVED ? transitionError("result sent")
                    : reviewer(caller) == null ? null : member(caller);
            case EVALUATE -> status != EscalationStatus.RESULT_SENT ? transitionError("evaluated") : reviewer(caller);
        });
    }

    /** The superior department decides: leadership, admins, or SUPERIOR / DEPT_HEAD of the department it goes to. */
    private OmbudException reviewer(EscalationCaller caller) {
        return caller.reviews(toDepartmentId) ? null : OmbudException.forbidden("NOT_SUPERIOR_REVIEWER",
                "Only the superior department decides on escalation {0}", number);
    }

    /** The task force's work: once it is formed and while the escalation is approved, by its people or the superior. */
    private OmbudException taskForceWork(EscalationCaller caller) {
        if (status != EscalationStatus.APPROVED) {
            return transitionError("worked on");
        }
        if (taskForce == null) {
            return OmbudException.conflict("TASK_FORCE_REQUIRED", "Form the task force of {0} first", number);
        }
        return reviewer(caller) == null ? null : member(caller);
    }

    private OmbudException member(EscalationCaller caller) {
        return caller.inTaskForce(taskForce) ? null : OmbudException.forbidden("NOT_TASK_FORCE_MEMBER",
                "Only the task force or the superior department works on escalation {0}", number);
    }

    // ---- the steps --------------------------------------------------------------------------

    public void review(boolean approve, String reason, Actor actor, Instant now) {
        move(approve ? EscalationStatus.APPROVED : EscalationStatus.REJECTED, actor, now,
                approve ? "approved" : "rejected", reason);
        decision = new Decision(approve, reason, actor.key(), now);
    }

    public void formTaskForce(TaskForce force, Actor actor, Instant now) {
        requireTaskForceless();
        taskForce = force;
        log(actor, now, "task-force-formed", null, null, null, force.leadEmployeeId(),
                Integer.toString(force.members().size()));
    }

    public PlanStep addStep(String title, String owner, Instant due, Actor actor, Instant now) {
        requireTaskForce();
        var step = new PlanStep(UUID.randomUUID(), title, owner, due, false, null);
        steps.add(step);
        log(actor, now, "step-planned", null, null, title);
        return step;
    }

    public void completeStep(UUID stepId, Actor actor, Instant now) {
        requireTaskForce();
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
        requireTaskForce();
        meetings.add(meeting);
        log(actor, now, "meeting", null, null, null, meeting.at().toString());
    }

    public void submitReport(String process, String result, Integer satisfaction, Actor actor, Instant now) {
        requireTaskForce();
        move(EscalationStatus.REPORTED, actor, now, "report-submitted", null);
        report = new TaskForceReport(process, result, satisfaction, actor.key(), now, null, null, null);
    }

    public void reviewReport(boolean approve, String note, Actor actor, Instant now) {
        move(approve ? EscalationStatus.REPORT_APPROVED : EscalationStatus.APPROVED, actor, now,
                approve ? "report-approved" : "report-sent-back", note);
        report = new TaskForceReport(report.process(), report.result(), report.customerSatisfaction(),
                report.submittedBy(), report.submittedAt(), actor.key(), now, note);
    }

    /** The result told to the customer, how, and (when known) whether the customer accepted it. */
    public void sendResult(String text, Feedback.ResultChannel channel, Boolean accepted, Actor actor, Instant now) {
        var args = new ArrayList<String>(List.of((channel == null ? Feedback.ResultChannel.CALLBACK : channel).name()));
        if (accepted != null) {
            args.add(accepted ? "ACCEPTED" : "REJECTED");
        }
        move(EscalationStatus.RESULT_SENT, actor, now, "result-sent", text, args.toArray(String[]::new));
        resultSentAt = now;
        resultSentBy = actor.key();
        resultText = text;
        resultChannel = channel;
        customerAccepted = accepted;
    }

    /** Closes the escalation; its result is then returned to the case ({@link #caseFeedback()}), once. */
    public void evaluate(int score, String comment, Actor actor, Instant now) {
        move(EscalationStatus.CLOSED, actor, now, "evaluated-closed", comment, Integer.toString(score));
        evaluation = new Evaluation(score, comment, actor.key(), now);
    }

    /**
     * What the case records of this escalation's result: the result told to the customer, how, and
     * the customer's answer (accepted, the satisfaction the task force's report recorded).
     */
    public Feedback caseFeedback() {
        Integer satisfaction = report == null ? null : report.customerSatisfaction();
        boolean answered = customerAccepted != null || satisfaction != null;
        return new Feedback(resultSentAt, resultSentBy, resultChannel == null ? Feedback.ResultChannel.CALLBACK
                : resultChannel, resultText, customerAccepted, satisfaction, null, answered ? resultSentAt : null);
    }

    private void requireTaskForceless() {
        if (status != EscalationStatus.APPROVED || taskForce != null) {
            throw transitionError("given a task force");
        }
    }

    private void requireTaskForce() {
        if (status != EscalationStatus.APPROVED) {
            throw transitionError("worked on");
        }
        if (taskForce == null) {
            throw OmbudException.conflict("TASK_FORCE_REQUIRED", "Form the task force of {0} first", number);
        }
    }

    private void move(EscalationStatus next, Actor actor, Instant now, String action, String note,
            String... args) {
        if (!status.canMoveTo(next)) {
            throw transitionError(action);
        }
        var from = status;
        status = next;
        log(actor, now, action, from, next, note, args);
    }

    private OmbudException transitionError(String action) {
        return OmbudException.conflict("ESCALATION_TRANSITION_NOT_ALLOWED",
                "Escalation {0} is {1}; it cannot be {2} now", number, status.name(), action);
    }

    private void log(Actor actor, Instant now, String action, EscalationStatus from, EscalationStatus to,
            String note, String... args) {
        timeline.add(entry(actor, now, action, from, to, note, args));
    }

    /**
     * A timeline entry: {@code action} and {@code args} codes, {@code note} only text a person
     * wrote (also pushed by {@link EscalationFields} for the jobs' conditional updates).
     */
    static EscalationEntry entry(Actor actor, Instant now, String action, EscalationStatus from,
            EscalationStatus to, String note, String... args) {
        return new EscalationEntry(now, actor.key(), action, from, to, note, List.of(args));
    }

    /** The escalation as readers see it, with the steps this caller may take now. */
    public Escalation view(EscalationCaller caller) {
        return view(allowedSteps(caller));
    }

    /** The escalation as readers see it, with the given steps. */
    public Escalation view(Set<EscalationStep> allowed) {
        return new Escalation(id, number, caseId, caseNumber, trigger, automatic, raisedBy, raisedAt, fromDepartmentId,
                toDepartmentId, form, status, reviewDue, reviewOverdueAt, decision, taskForce, List.copyOf(steps),
                List.copyOf(meetings), report, resultSentAt, resultText, resultChannel, customerAccepted, evaluation,
                List.copyOf(timeline), Set.copyOf(allowed), version == null ? 0 : version);
    }

    public UUID id() {
        return id;
    }

    public String number() {
        return number;
    }

    public UUID caseId() {
        return caseId;
    }

    public UUID toDepartmentId() {
        return toDepartmentId;
    }

    public EscalationStatus status() {
        return status;
    }

    public Long version() {
        return version;
    }
}
