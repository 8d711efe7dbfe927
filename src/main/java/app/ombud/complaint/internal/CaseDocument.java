package app.ombud.complaint.internal;

import app.ombud.complaint.Assignment;
import app.ombud.complaint.CaseNote;
import app.ombud.complaint.CaseStatus;
import app.ombud.complaint.CaseStep;
import app.ombud.complaint.ComplaintCase;
import app.ombud.complaint.Customer;
import app.ombud.complaint.Deadlines;
import app.ombud.complaint.EscalationRef;
import app.ombud.complaint.Evidence;
import app.ombud.complaint.Feedback;
import app.ombud.complaint.Grade;
import app.ombud.complaint.IntakeChannel;
import app.ombud.complaint.ResolutionPlan;
import app.ombud.complaint.TimelineEntry;
import app.ombud.complaint.Validity;
import app.ombud.platform.Actor;
import app.ombud.platform.OmbudException;
import app.ombud.platform.Role;
import app.ombud.platform.SharedRecord;
import app.ombud.platform.StepGuard;
import app.ombud.policy.CaseCategory;
import app.ombud.policy.CaseFlag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
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
 * A complaint case. It owns its rules: which caller may take which step now is one rule per step
 * ({@link #refusal}, used by the commands, by {@code allowedSteps} and so by the portal's
 * buttons); every change goes through a method that checks the state machine ({@link CaseStatus})
 * and appends to the embedded timeline. A person's step is saved with its version
 * ({@code RecordWrites.save}), so the change and its timeline entry are one atomic update and a
 * concurrent step is a conflict, not a lost update; the jobs' marks ({@link CaseQueries.Mark},
 * the escalation link) are fields of their own that a person's save leaves alone.
 */
@CompoundIndexes({
    @CompoundIndex(name = "account_category_receivedAt",
            def = "{'customer.account': 1, 'category': 1, 'receivedAt': -1}"),
    @CompoundIndex(name = "departmentId_inbox",
            def = "{'assignment.departmentId': 1, 'urgent': -1, 'receivedAt': -1, '_id': 1}"),
    @CompoundIndex(name = "inbox_id", def = "{'urgent': -1, 'receivedAt': -1, '_id': 1}"),
    @CompoundIndex(name = "intakeBy_inbox", def = "{'intakeBy': 1, 'urgent': -1, 'receivedAt': -1, '_id': 1}"),
    @CompoundIndex(name = "ownerEmployeeId_inbox",
            def = "{'assignment.ownerEmployeeId': 1, 'urgent': -1, 'receivedAt': -1, '_id': 1}"),
    @CompoundIndex(name = "pendingMessagesId", def = "{'pendingMessages._id': 1}"),
    @CompoundIndex(name = "phone_category", def = "{'customer.phone': 1, 'category': 1, 'receivedAt': -1}"),
    @CompoundIndex(name = "phone_inbox", def = "{'customer.phone': 1, 'urgent': -1, 'receivedAt': -1, '_id': 1}"),
    @CompoundIndex(name = "status_resolutionDue", def = "{'status': 1, 'deadlines.resolutionDue': 1, '_id': 1}")
})
@Document("cases")
public class CaseDocument implements StepGuard<CaseStep, CaseCaller>, SharedRecord {

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
    private final List<CaseNote> notes;
    private final List<Evidence> evidence;
    private ResolutionPlan plan;
    private final List<Feedback> feedback;
    private Validity validity;
    private Instant closedAt;
    private Instant archivedAt;
    private Instant leadershipNotifiedAt;
    private Instant escalationRequestedAt;
    private EscalationRef escalation;
    private final List<app.ombud.notification.OutboxMessage> pendingMessages;
    private final List<TimelineEntry> timeline;
    @Version
    private Long version;
    /** How many timeline entries and pending messages were read: the rest this change appended. */
    @Transient
    private final int readTimeline;
    @Transient
    private final int readMessages;
    /** Whether this change set new deadlines, so their warning and breach marks start again. */
    @Transient
    private boolean deadlinesMoved;

    /** The statuses in which a case is worked on: dispatched, in progress, awaiting the customer. */
    private static final Set<CaseStatus> WORKED = EnumSet.of(CaseStatus.DISPATCHED, CaseStatus.IN_PROGRESS,
            CaseStatus.AWAITING_FEEDBACK);
    /** The fields only jobs write ({@link CaseQueries.Mark}) and the escalation link. */
    private static final Set<String> JOB_OWNED = Set.of(CaseQueries.Mark.LEADERSHIP_NOTIFIED.field,
            CaseQueries.Mark.DEADLINE_WARNED.field, CaseQueries.Mark.DEADLINE_BREACHED.field, "escalation");

    @PersistenceCreator
    CaseDocument(UUID id, String number, IntakeChannel channel, Customer customer, String subject,
            String description, CaseCategory category, Set<CaseFlag> flags, BigDecimal compensationAsked,
            boolean urgent, Instant receivedAt, String intakeBy, UUID intakeDepartmentId, UUID intakeTeamId,
            CaseStatus status, Grade grade, Assignment assignment,
            Deadlines deadlines, Instant acknowledgedAt, int repeatCount, List<UUID> earlierCases, int reworkCount,
            List<CaseNote> notes, List<Evidence> evidence, ResolutionPlan plan, List<Feedback> feedback, Validity validity, Instant closedAt,
            Instant archivedAt, Instant leadershipNotifiedAt, Instant escalationRequestedAt, EscalationRef escalation,
            List<app.ombud.notification.OutboxMessage> pendingMessages, List<TimelineEntry> timeline, Long version) {
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
        this.notes = notes == null ? new ArrayList<>() : new ArrayList<>(notes);
        this.evidence = evidence == null ? new ArrayList<>() : new ArrayList<>(evidence);
        this.plan = plan;
        this.feedback = feedback == null ? new ArrayList<>() : new ArrayList<>(feedback);
        this.validity = validity;
        this.closedAt = closedAt;
        this.archivedAt = archivedAt;
        this.leadershipNotifiedAt = leadershipNotifiedAt;
        this.escalationRequestedAt = escalationRequestedAt;
        this.escalation = escalation;
        this.pendingMessages = pendingMessages == null ? new ArrayList<>() : new ArrayList<>(pendingMessages);
        this.timeline = timeline == null ? new ArrayList<>() : new ArrayList<>(timeline);
        this.version = version;
        this.readTimeline = this.timeline.size();
        this.readMessages = this.pendingMessages.size();
    }

    /** A new case, graded, with its deadlines, linked to the customer's earlier cases. */
    public static CaseDocument intake(UUID id, String number, ValidIntake intake, Grade grade, Deadlines deadlines,
            List<UUID> earlierCases, Actor actor, UUID intakeDepartmentId, UUID intakeTeamId, Instant now) {
        var document = new CaseDocument(id, number, intake.channel(), intake.customer(),
                intake.subject(), intake.description(), intake.category(), intake.flags(), intake.compensationAsked(),
                intake.urgent(), intake.receivedAt(), actor.key(),
                intakeDepartmentId, intakeTeamId, CaseStatus.NEW, grade, null, deadlines, null, earlierCases.size(), earlierCases, 0, List.of(), List.of(), null, List.of(), null, null, null, null, null, null, List.of(), List.of(), null);
        document.log(actor, now, "intake", null, CaseStatus.NEW, null);
        List<String> graded = new ArrayList<>(List.of(String.valueOf(grade.level()),
                String.valueOf(grade.policyVersion())));
        graded.addAll(grade.matchedCriteria());
        document.log(actor, now, "graded", null, null, null, graded);
        return document;
    }

    /**
     * A message to the customer that goes to the outbox with this very update of the case
     * (so it is neither lost nor sent for a change that did not happen).
     */
    public void queueMessage(app.ombud.notification.OutboxMessage message, Actor actor, Instant now) {
        pendingMessages.add(message);
    }

    // ---- the step rules ------------------------------------------------------------------

    @Override
    public Class<CaseStep> stepType() {
        return CaseStep.class;
    }

    /**
     * Whether the caller may take the step on this case now: first who they are (a person, a
     * role, a handler of the case), then what the case's status allows.
     */
    @Override
    public Optional<OmbudException> refusal(CaseStep step, CaseCaller caller) {
        if (takenByPerson(step) && !caller.person()) {
            return Optional.of(OmbudException.forbidden("PERSON_REQUIRED", "This step is taken by a person: use a "
                    + "token that names you (employee_id), not an API client's"));
        }
        return switch (step) {
            case DISPATCH -> firstOf(role(caller, Role.TEAM_LEAD, Role.DEPT_HEAD, Role.LEADERSHIP,
                    Role.ADMIN), when(status.canMoveTo(CaseStatus.DISPATCHED), "dispatched"));
            case OVERRIDE_LEVEL -> firstOf(role(caller, Role.DEPT_HEAD, Role.LEADERSHIP, Role.ADMIN),
                    open());
            case ARCHIVE -> firstOf(role(caller, Role.DEPT_HEAD, Role.LEADERSHIP, Role.ADMIN),
                    when(status.canMoveTo(CaseStatus.ARCHIVED), "archived"));
            case ACKNOWLEDGE -> firstOf(handler(caller), when(status == CaseStatus.DISPATCHED, "acknowledged"));
            case PLAN -> firstOf(handler(caller), when(status == CaseStatus.IN_PROGRESS, "planned"));
            case SEND_RESULT -> firstOf(handler(caller), when(status == CaseStatus.IN_PROGRESS, "result-sent"),
                    plan != null ? Optional.empty() : Optional.of(OmbudException.conflict("CASE_PLAN_REQUIRED",
                            "Case {0} needs a resolution plan first", number)));
            case RECORD_ANSWER -> firstOf(handler(caller), when(status == CaseStatus.AWAITING_FEEDBACK
                    && !feedback.isEmpty(), "answered"));
            case ADD_NOTE -> firstOf(handler(caller), when(WORKED.contains(status), "noted"));
            case ATTACH_EVIDENCE -> firstOf(handler(caller), open());
            case DECIDE_VALIDITY -> firstOf(handler(caller), when(WORKED.contains(status), "judged"));
            case CLOSE_INVALID -> firstOf(handler(caller), when(status == CaseStatus.IN_PROGRESS, "closed-invalid"),
                    validity != null && !validity.valid() ? Optional.empty()
                            : Optional.of(OmbudException.conflict("CASE_NOT_INVALID",
                                    "Only a complaint judged invalid can be closed this way: {0}", number)));
        };
    }

    @SafeVarargs
    private static Optional<OmbudException> firstOf(Optional<OmbudException>... checks) {
        for (var check : checks) {
            if (check.isPresent()) {
                return check;
            }
        }
        return Optional.empty();
    }

    /**
     * Whether only a person takes the step (an API client does not: it is made responsible for
     * nothing); all but archiving. Services refuse a client before they read the case.
     */
    public static boolean takenByPerson(CaseStep step) {
        return step != CaseStep.ARCHIVE;
    }

    private static Optional<OmbudException> role(CaseCaller caller, Role... roles) {
        return caller.hasAny(roles) ? Optional.empty() : Optional.of(OmbudException.forbidden("CASE_ROLE_REQUIRED",
                "Your roles do not allow this step on a case"));
    }

    private Optional<OmbudException> handler(CaseCaller caller) {
        return caller.handles() ? Optional.empty()
                : Optional.of(OmbudException.forbidden("CASE_NOT_HANDLER", "You do not handle case {0}", number));
    }

    private Optional<OmbudException> open() {
        return status.open() ? Optional.empty()
                : Optional.of(OmbudException.conflict("CASE_CLOSED", "Case {0} is closed", number));
    }

    private Optional<OmbudException> when(boolean allowed, String action) {
        return allowed ? Optional.empty() : Optional.of(OmbudException.conflict("CASE_TRANSITION_NOT_ALLOWED",
                "Case {0} is {1}; it cannot be {2} now", number, status.name(), action));
    }

    // ---- the steps: each changes state and appends to the timeline -------------------------

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

    /**
     * An authorised person sets another level (LEVEL_UNCHANGED for the level in force); the reason
     * is kept in the timeline, and the new deadlines are warned of and flagged afresh.
     */
    public void overrideLevel(int level, String reason, Deadlines newDeadlines, Actor actor, Instant now) {
        int before = grade.level();
        if (level == before) {
            throw OmbudException.badRequest("LEVEL_UNCHANGED", "level", "Case {0} already has level {1}", number,
                    level);
        }
        grade = new Grade(grade.suggestedLevel(), grade.matchedCriteria(), grade.fallback(), grade.policyVersion(),
                level, actor.subject(), reason);
        deadlines = newDeadlines;
        deadlinesMoved = true;
        log(actor, now, "level-overridden", null, null, reason, List.of(String.valueOf(before),
                String.valueOf(level)));
    }

    /** An investigation finding, a contact with the customer, or a progress update. */
    public void addNote(CaseNote.Kind kind, String text, Actor actor, Instant now) {
        notes.add(new CaseNote(now, actor.subject(), kind, text));
        log(actor, now, "note-" + kind.name().toLowerCase(java.util.Locale.ROOT), null, null, null);
    }

    public void attach(Evidence file, Actor actor, Instant now) {
        evidence.add(file);
        log(actor, now, "evidence-added", null, null, null, List.of(file.filename()));
    }

    public java.util.Optional<Evidence> evidence(String fileId) {
        return evidence.stream().filter(e -> e.fileId().equals(fileId)).findFirst();
    }

    public void planResolution(ResolutionPlan newPlan, Actor actor, Instant now) {
        boolean replanned = plan != null;
        plan = newPlan;
        log(actor, now, replanned ? "re-planned" : "planned", null, null, null, newPlan.remedies().stream()
                .map(r -> r.type().name() + (r.amount() == null ? "" : ":" + r.amount().toPlainString())).toList());
    }

    /**
     * The due time the plan form offers: the current plan's while it is still ahead (a re-plan
     * keeps it), else the case's resolution deadline while ahead, else {@code fresh} (a rework
     * after the customer rejected the result gets the level's handling time again).
     */
    public Instant suggestedPlanDue(Instant now, Instant fresh) {
        if (plan != null && plan.due().isAfter(now)) {
            return plan.due();
        }
        if (deadlines != null && deadlines.resolutionDue().isAfter(now)) {
            return deadlines.resolutionDue();
        }
        return fresh;
    }

    /** The result goes to the customer; the case waits for their answer. */
    public void sendResult(Feedback.ResultChannel channel, String result, Actor actor, Instant now) {
        move(CaseStatus.AWAITING_FEEDBACK, actor, now, "result-sent", result, List.of(channel.name()));
        feedback.add(new Feedback(now, actor.subject(), channel, result, null, null, null, null));
    }

    /**
     * The customer's answer. Accepted closes the case; rejected sends it back to handling and
     * counts a rework. Returns true when this rejection follows an earlier rework (an escalation
     * trigger, SPEC §2 b).
     */
    public boolean recordAnswer(boolean accepted, Integer satisfaction, String comment, Actor actor, Instant now) {
        var sent = feedback.removeLast();
        feedback.add(new Feedback(sent.sentAt(), sent.sentBy(), sent.channel(), sent.result(), accepted, satisfaction,
                comment, now));
        if (accepted) {
            move(CaseStatus.CLOSED, actor, now, "accepted", comment,
                    satisfaction == null ? List.of() : List.of(String.valueOf(satisfaction)));
            closedAt = now;
            return false;
        }
        reworkCount++;
        move(CaseStatus.IN_PROGRESS, actor, now, "rejected", comment);
        if (reworkCount >= 2 && escalation == null && escalationRequestedAt == null) {
            escalationRequestedAt = now;
            log(actor, now, "escalation-triggered", null, null, null,
                    List.of(app.ombud.complaint.EscalationCandidate.Trigger.REJECTED_AFTER_REWORK.name()));
        }
        return reworkCount >= 2;
    }

    /** Records whether the complaint is valid (the company broke its own norms) and why. */
    public void decideValidity(boolean valid, String reason, Actor actor, Instant now) {
        validity = new Validity(valid, reason, actor.subject(), now);
        log(actor, now, valid ? "judged-valid" : "judged-invalid", null, null, reason);
    }

    /** An invalid complaint, explained to the customer, is closed without a result cycle. */
    public void closeAsInvalid(String explanation, Actor actor, Instant now) {
        move(CaseStatus.CLOSED, actor, now, "closed-invalid", explanation);
        closedAt = now;
    }

    /**
     * The result of the case's closed escalation comes back (SPEC §2: the task force's result went
     * to the customer, the escalation was evaluated and closed): the result and the customer's
     * answer join the feedback, the timeline names the escalation, and a case still open is closed
     * from whichever open status it had — the superior department's task force handled it in its
     * place, so it no longer runs against its deadlines. Returns false when this escalation's
     * result is already on the case (a repeat after a crash).
     */
    public boolean closeByEscalation(String escalationNumber, Feedback result, Actor actor, Instant now) {
        if (timeline.stream().anyMatch(e -> "escalation-closed".equals(e.action())
                && (e.args().contains(escalationNumber) || escalationNumber.equals(e.note())))) {
            return false;
        }
        feedback.add(result);
        if (status.open()) {
            CaseStatus from = status;
            status = CaseStatus.CLOSED;
            closedAt = now;
            log(actor, now, "escalation-closed", from, CaseStatus.CLOSED, null, List.of(escalationNumber));
        } else {
            log(actor, now, "escalation-closed", null, null, null, List.of(escalationNumber));
        }
        return true;
    }

    public void archive(Actor actor, Instant now) {
        move(CaseStatus.ARCHIVED, actor, now, "archived", null);
        archivedAt = now;
    }

    // ---- how a person's save and the jobs share the record (RecordWrites) ----------------

    @Override
    public Set<String> jobOwnedFields() {
        return JOB_OWNED;
    }

    @Override
    public Map<String, List<?>> appended() {
        return Map.of("timeline", List.copyOf(timeline.subList(readTimeline, timeline.size())),
                "pendingMessages", List.copyOf(pendingMessages.subList(readMessages, pendingMessages.size())));
    }

    @Override
    public Set<String> clearedJobFields() {
        return deadlinesMoved ? Set.of(CaseQueries.Mark.DEADLINE_WARNED.field,
                CaseQueries.Mark.DEADLINE_BREACHED.field) : Set.of();
    }

    public List<app.ombud.notification.OutboxMessage> pendingMessages() {
        return List.copyOf(pendingMessages);
    }

    public Assignment assignment() {
        return assignment;
    }

    private void move(CaseStatus next, Actor actor, Instant now, String action, String note) {
        move(next, actor, now, action, note, List.of());
    }

    private void move(CaseStatus next, Actor actor, Instant now, String action, String note, List<String> args) {
        if (!status.canMoveTo(next)) {
            throw OmbudException.conflict("CASE_TRANSITION_NOT_ALLOWED",
                    "Case {0} is {1}; it cannot be {2} now", number, status.name(), action);
        }
        CaseStatus from = status;
        status = next;
        log(actor, now, action, from, next, note, args);
    }

    private void log(Actor actor, Instant now, String action, CaseStatus from, CaseStatus to, String note) {
        log(actor, now, action, from, to, note, List.of());
    }

    /** A timeline entry: the action and its args are codes and values, the note only text a person wrote. */
    private void log(Actor actor, Instant now, String action, CaseStatus from, CaseStatus to, String note,
            List<String> args) {
        timeline.add(new TimelineEntry(now, actor.subject(), actor.name(), action, from, to, note, args));
    }

    public ComplaintCase view() {
        return new ComplaintCase(id, number, channel, customer, subject, description, category, flags,
                compensationAsked, urgent, receivedAt, intakeBy, status, grade, assignment, deadlines, acknowledgedAt,
                repeatCount, earlierCases, reworkCount, List.copyOf(notes), List.copyOf(evidence), plan, List.copyOf(feedback), validity,
                closedAt, archivedAt, escalation, List.copyOf(timeline), version == null ? 0 : version);
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

    public String intakeBy() {
        return intakeBy;
    }
}
