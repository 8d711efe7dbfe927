package app.ombud.escalation;

import app.ombud.complaint.ComplaintService;
import app.ombud.complaint.Feedback;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.Person;
import app.ombud.escalation.internal.EscalationCaller;
import app.ombud.escalation.internal.EscalationDocument;
import app.ombud.escalation.internal.EscalationFields;
import app.ombud.escalation.internal.EscalationRaising;
import app.ombud.escalation.internal.EscalationReturns;
import app.ombud.platform.Actor;
import app.ombud.platform.AuditTrail;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.Idempotency;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.OmbudException;
import app.ombud.platform.PersonalData;
import app.ombud.platform.StaffOnly;
import app.ombud.platform.TextInput.Kind;
import app.ombud.platform.TextInput;
import app.ombud.platform.TimeInput;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Escalations (SPEC §2): raised by hand for any trigger (Ombud raises the automatic ones in
 * {@code internal/EscalationJobs}); reviewed by the superior department within the policy's
 * working days; then a task force, its plan, meetings, report, the result to the customer and the
 * evaluation, whose result returns to the case. At most one open escalation per case. Each
 * command resolves the caller once ({@link EscalationCaller}), {@code require}s its step on the
 * document, takes it and saves the document with its version.
 */
@Service
public class EscalationService {

    /** How far ahead a plan step may be due, and how long ago a recorded meeting may have been. */
    public static final Duration MAX_SPAN = Duration.ofDays(366);
    /** At most this many attendees of a meeting. */
    private static final int MAX_ATTENDEES = 100;

    private final EscalationFields fields;
    private final EscalationRaising raising;
    private final EscalationReturns returns;
    private final ComplaintService complaints;
    private final DirectoryService directory;
    private final AuditTrail audit;
    private final Clock clock;
    private final Idempotency idempotency;

    EscalationService(EscalationFields fields, EscalationRaising raising, EscalationReturns returns,
            ComplaintService complaints, DirectoryService directory, AuditTrail audit, Clock clock,
            Idempotency idempotency) {
        this.fields = fields;
        this.raising = raising;
        this.returns = returns;
        this.complaints = complaints;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
        this.idempotency = idempotency;
    }

    /** Raises an escalation by hand; the form must be complete. A person of the call center who may see the case. */
    @StaffOnly
    public Escalation raise(UUID caseId, EscalationTrigger trigger, EscalationForm form) {
        return raise(caseId, trigger, form, IdempotencyKey.NONE);
    }

    /** Raises an escalation once per key: a repeat with the same key returns the first escalation. */
    @StaffOnly
    public Escalation raise(UUID caseId, EscalationTrigger trigger, EscalationForm form, IdempotencyKey key) {
        CurrentActor.requirePerson();
        return idempotency.once("escalation.raise", key, Arrays.asList(caseId, trigger, form),
                id -> raise(id, caseId, trigger, form),
                id -> fields.byId(id).map(d -> d.view(caller())));
    }

    private Escalation raise(UUID id, UUID caseId, EscalationTrigger trigger, EscalationForm form) {
        if (trigger == null) {
            throw OmbudException.badRequest("REQUIRED", "trigger", "{0} is required", "trigger");
        }
        var complete = new EscalationForm(
                TextInput.required(form == null ? null : form.situation(), "situation", Kind.TEXT),
                TextInput.required(form == null ? null : form.progress(), "progress", Kind.TEXT),
                TextInput.required(form == null ? null : form.whyUnsolved(), "whyUnsolved", Kind.TEXT),
                TextInput.required(form == null ? null : form.proposal(), "proposal", Kind.TEXT));
        var subject = complaints.get(caseId);
        return raising.raise(id, subject, trigger, false, complete, CurrentActor.required(), null).view(caller());
    }

    /** The superior department approves or rejects, with a reason. */
    @PreAuthorize("hasAnyRole('SUPERIOR','DEPT_HEAD','LEADERSHIP','ADMIN')")
    public Escalation review(UUID id, boolean approve, String reason, Long expectedVersion) {
        CurrentActor.requirePerson();
        String why = TextInput.required(reason, "reason", Kind.TEXT);
        var step = take(id, EscalationStep.REVIEW, expectedVersion);
        step.document().review(approve, why, CurrentActor.required(), clock.instant());
        var saved = save(step, approve ? "escalation.approved" : "escalation.rejected");
        if (!approve) {
            returns.finish(step.document(), CurrentActor.required());
        }
        return saved;
    }

    @PreAuthorize("hasAnyRole('SUPERIOR','DEPT_HEAD','LEADERSHIP','ADMIN')")
    public Escalation formTaskForce(UUID id, TaskForce force, Long expectedVersion) {
        CurrentActor.requirePerson();
        String leadId = TextInput.required(force == null ? null : force.leadEmployeeId(), "leadEmployeeId",
                Kind.EMPLOYEE_ID);
        List<TaskForce.Member> members = force.members().stream().map(m -> new TaskForce.Member(
                TextInput.optional(m.employeeId(), "members.employeeId", Kind.EMPLOYEE_ID),
                TextInput.optional(m.role(), "members.role", Kind.NAME))).toList();
        var step = take(id, EscalationStep.FORM_TASK_FORCE, expectedVersion);
        Person lead = activePerson(leadId, "leadEmployeeId");
        var to = step.document().toDepartmentId();
        if (to != null && !to.equals(lead.departmentId())) {
            throw OmbudException.badRequest("LEAD_NOT_IN_SUPERIOR_DEPARTMENT", "leadEmployeeId",
                    "The task force lead must come from the superior department");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (var member : members) {
            activePerson(member.employeeId(), "members");
            if (!seen.add(member.employeeId()) || member.employeeId().equals(lead.employeeId())) {
                throw OmbudException.badRequest("MEMBER_TWICE", "members", "{0} is named twice", member.employeeId());
            }
            if (member.role() == null) {
                throw OmbudException.badRequest("REQUIRED", "members.role", "{0} is required", "members.role");
            }
        }
        step.document().formTaskForce(new TaskForce(lead.employeeId(), members), CurrentActor.required(),
                clock.instant());
        return save(step, "escalation.task-force");
    }

    @StaffOnly
    public Escalation addStep(UUID id, String title, String ownerEmployeeId, Instant due, Long expectedVersion) {
        CurrentActor.requirePerson();
        String what = TextInput.required(title, "title", Kind.LINE);
        String owner = TextInput.optional(ownerEmployeeId, "ownerEmployeeId", Kind.EMPLOYEE_ID);
        if (due == null) {
            throw OmbudException.badRequest("REQUIRED", "due", "{0} is required", "due");
        }
        TimeInput.future(due, "due", clock.instant(), MAX_SPAN);
        var step = take(id, EscalationStep.ADD_STEP, expectedVersion);
        activePerson(owner, "ownerEmployeeId");
        step.document().addStep(what, owner, due, CurrentActor.required(), clock.instant());
        return save(step, "escalation.step");
    }

    @StaffOnly
    public Escalation completeStep(UUID id, UUID stepId, Long expectedVersion) {
        var step = take(id, EscalationStep.COMPLETE_STEP, expectedVersion);
        step.document().completeStep(stepId, CurrentActor.required(), clock.instant());
        return save(step, "escalation.step-done");
    }

    @StaffOnly
    public Escalation recordMeeting(UUID id, Instant at, List<String> attendees, String minutes,
            Long expectedVersion) {
        CurrentActor.requirePerson();
        String text = TextInput.required(minutes, "minutes", Kind.TEXT);
        List<String> present = attendees == null ? List.of() : attendees.stream()
                .map(a -> TextInput.optional(a, "attendees", Kind.EMPLOYEE_ID)).filter(a -> a != null).distinct()
                .toList();
        if (present.size() > MAX_ATTENDEES) {
            throw OmbudException.badRequest("VALUE_OUT_OF_RANGE", "attendees", "{0} must be between {1} and {2}",
                    "attendees", 0, MAX_ATTENDEES);
        }
        if (at == null) {
            throw OmbudException.badRequest("REQUIRED", "at", "{0} is required", "at");
        }
        TimeInput.past(at, "at", clock.instant(), MAX_SPAN);
        var step = take(id, EscalationStep.RECORD_MEETING, expectedVersion);
        Actor actor = CurrentActor.required();
        step.document().recordMeeting(new Meeting(at, present, text, actor.key()), actor, clock.instant());
        return save(step, "escalation.meeting");
    }

    @StaffOnly
    public Escalation submitReport(UUID id, String process, String result, Integer satisfaction,
            Long expectedVersion) {
        CurrentActor.requirePerson();
        String how = TextInput.required(process, "process", Kind.TEXT);
        String outcome = TextInput.required(result, "result", Kind.TEXT);
        if (satisfaction != null && (satisfaction < 1 || satisfaction > 5)) {
            throw OmbudException.badRequest("VALUE_OUT_OF_RANGE", "customerSatisfaction",
                    "{0} must be between {1} and {2}", "customerSatisfaction", 1, 5);
        }
        var step = take(id, EscalationStep.SUBMIT_REPORT, expectedVersion);
        step.document().submitReport(how, outcome, satisfaction, CurrentActor.required(), clock.instant());
        return save(step, "escalation.reported");
    }

    /** The superior department approves the report or sends it back; never who submitted it (four eyes). */
    @PreAuthorize("hasAnyRole('SUPERIOR','DEPT_HEAD','LEADERSHIP','ADMIN')")
    public Escalation reviewReport(UUID id, boolean approve, String note, Long expectedVersion) {
        CurrentActor.requirePerson();
        String text = approve ? TextInput.optional(note, "note", Kind.TEXT)
                : TextInput.required(note, "note", Kind.TEXT);
        var step = take(id, EscalationStep.REVIEW_REPORT, expectedVersion);
        step.document().reviewReport(approve, text, CurrentActor.required(), clock.instant());
        return save(step, approve ? "escalation.report-approved" : "escalation.report-sent-back");
    }

    /** Records that the result was told to the customer. */
    @StaffOnly
    public Escalation sendResult(UUID id, String text, Long expectedVersion) {
        return sendResult(id, text, null, null, expectedVersion);
    }

    /**
     * Records that the result was told to the customer: how ({@code null}: by a callback) and,
     * when the customer answered, whether they accepted it.
     */
    @StaffOnly
    public Escalation sendResult(UUID id, String text, Feedback.ResultChannel channel, Boolean customerAccepted,
            Long expectedVersion) {
        CurrentActor.requirePerson();
        String result = TextInput.required(text, "text", Kind.TEXT);
        var step = take(id, EscalationStep.SEND_RESULT, expectedVersion);
        step.document().sendResult(result, channel == null ? Feedback.ResultChannel.CALLBACK : channel,
                customerAccepted, CurrentActor.required(), clock.instant());
        return save(step, "escalation.result-sent");
    }

    /** Evaluates and closes the escalation; its result returns to the case, which is closed with it. */
    @PreAuthorize("hasAnyRole('SUPERIOR','DEPT_HEAD','LEADERSHIP','ADMIN')")
    public Escalation evaluate(UUID id, int score, String comment, Long expectedVersion) {
        CurrentActor.requirePerson();
        String remark = TextInput.optional(comment, "comment", Kind.NOTE);
        if (score < 1 || score > 5) {
            throw OmbudException.badRequest("VALUE_OUT_OF_RANGE", "score", "{0} must be between {1} and {2}", "score",
                    1, 5);
        }
        var step = take(id, EscalationStep.EVALUATE, expectedVersion);
        step.document().evaluate(score, remark, CurrentActor.required(), clock.instant());
        var saved = save(step, "escalation.closed");
        returns.finish(step.document(), CurrentActor.required());
        return saved;
    }

    @PreAuthorize("isAuthenticated()")
    public Escalation get(UUID id) {
        Actor actor = CurrentActor.required();
        var caller = caller(actor);
        var document = fields.visible(id, fields.visibility(actor, caller)).orElseThrow(() -> notFound(id));
        return present(document.view(caller), actor);
    }

    /** Escalations the caller may see, newest first; {@code overdueOnly} for the superior's queue. */
    @PreAuthorize("isAuthenticated()")
    public Window<Escalation> search(EscalationStatus status, boolean overdueOnly, ScrollPosition position, int size) {
        Actor actor = CurrentActor.required();
        var caller = caller(actor);
        return fields.search(fields.visibility(actor, caller), status, overdueOnly, position, size)
                .map(d -> present(d.view(caller), actor));
    }

    // ---- rules -------------------------------------------------------------------------

    /** A document to take a step on, and who takes it. */
    private record Step(EscalationDocument document, EscalationCaller caller) {
    }

    /**
     * The escalation the caller takes {@code step} on: visible to them, at the version they read,
     * and the step's rule met ({@link EscalationDocument#refusal}).
     */
    private Step take(UUID id, EscalationStep step, Long expectedVersion) {
        Actor actor = CurrentActor.requirePerson();
        var caller = caller(actor);
        var document = fields.visible(id, fields.visibility(actor, caller)).orElseThrow(() -> notFound(id));
        if (expectedVersion != null && !expectedVersion.equals(document.version())) {
            throw OmbudException.concurrentUpdate();
        }
        document.require(step, caller);
        return new Step(document, caller);
    }

    private Escalation save(Step step, String action) {
        var saved = fields.save(step.document());
        audit.record(action, "Escalation", saved.number(), Map.of("status", saved.status().name()));
        return saved.view(step.caller());
    }

    /** The caller's relation to escalations, with one directory call. */
    private EscalationCaller caller(Actor actor) {
        Optional<Person> me = actor.employeeId() == null ? Optional.empty()
                : directory.personByEmployeeId(actor.employeeId());
        return EscalationCaller.of(actor, me);
    }

    private EscalationCaller caller() {
        return caller(CurrentActor.required());
    }

    private static OmbudException notFound(UUID id) {
        return OmbudException.notFound("ESCALATION_NOT_FOUND", "No escalation {0} that you may see", id);
    }

    /** Every free text of the escalation masked for BI readers (the form, minutes, reports quote customers). */
    private static Escalation present(Escalation view, Actor actor) {
        return PersonalData.hiddenFrom(actor) ? PersonalData.maskTexts(view) : view;
    }

    private Person activePerson(String employeeId, String field) {
        String clean = employeeId == null ? "" : employeeId.strip();
        return directory.personByEmployeeId(clean).filter(Person::active).orElseThrow(() ->
                OmbudException.badRequest("PERSON_NOT_FOUND", field, "No active person {0}", clean));
    }
}
