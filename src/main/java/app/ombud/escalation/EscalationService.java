package app.ombud.escalation;

import app.ombud.complaint.ComplaintCase;
import app.ombud.complaint.ComplaintService;
import app.ombud.complaint.EscalationCandidate;
import app.ombud.complaint.EscalationRef;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.Person;
import app.ombud.escalation.internal.CaseEscalationLock;
import app.ombud.escalation.internal.EscalationDocument;
import app.ombud.notification.NotificationService;
import app.ombud.platform.Actor;
import app.ombud.platform.AuditTrail;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.Idempotency;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.OmbudException;
import app.ombud.platform.PersonalData;
import app.ombud.platform.Role;
import app.ombud.platform.Sequences;
import app.ombud.platform.StaffOnly;
import app.ombud.platform.TextInput.Kind;
import app.ombud.platform.TextInput;
import app.ombud.platform.TimeInput;
import app.ombud.policy.PolicyService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Escalations (SPEC §2): raised by hand for any trigger or by Ombud when a case breaches its
 * deadline or is rejected again after a rework; reviewed by the superior department within the
 * policy's working days; then a task force, its plan, meetings, report, the result to the
 * customer and the evaluation. At most one open escalation per case.
 */
@Service
public class EscalationService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EscalationService.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    /** How far ahead a plan step may be due, and how long ago a recorded meeting may have been. */
    public static final Duration MAX_SPAN = Duration.ofDays(366);
    /** At most this many attendees of a meeting. */
    private static final int MAX_ATTENDEES = 100;

    private final MongoTemplate mongo;
    private final ComplaintService complaints;
    private final DirectoryService directory;
    private final PolicyService policy;
    private final NotificationService notifications;
    private final Sequences sequences;
    private final AuditTrail audit;
    private final Clock clock;
    private final Idempotency idempotency;

    EscalationService(MongoTemplate mongo, ComplaintService complaints, DirectoryService directory,
            PolicyService policy, NotificationService notifications, Sequences sequences, AuditTrail audit,
            Clock clock, Idempotency idempotency) {
        this.mongo = mongo;
        this.idempotency = idempotency;
        this.complaints = complaints;
        this.directory = directory;
        this.policy = policy;
        this.notifications = notifications;
        this.sequences = sequences;
        this.audit = audit;
        this.clock = clock;
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
        return idempotency.once("escalation.raise", key, java.util.Arrays.asList(caseId, trigger, form),
                id -> raise(id, caseId, trigger, form),
                id -> java.util.Optional.ofNullable(mongo.findById(id, EscalationDocument.class))
                        .map(EscalationDocument::view));
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
        ComplaintCase subject = complaints.get(caseId);
        return create(id, subject, trigger, false, complete, CurrentActor.required(), null);
    }

    /** Raises the escalations Ombud owes by itself (run by the job; safe to repeat). */
    public int raiseAutomatically() {
        return CurrentActor.runAsSystem(() -> {
            int raised = 0;
            for (EscalationCandidate candidate : complaints.casesDueForEscalation(100)) {
                ComplaintCase subject = complaints.get(candidate.caseId());
                var trigger = candidate.trigger() == EscalationCandidate.Trigger.DEADLINE_BREACHED
                        ? EscalationTrigger.DEADLINE_BREACHED : EscalationTrigger.REJECTED_AFTER_REWORK;
                var form = new EscalationForm(subject.subject(),
                        subject.timeline().isEmpty() ? "" : subject.timeline().getLast().action(),
                        trigger == EscalationTrigger.DEADLINE_BREACHED
                                ? "Resolution deadline " + subject.deadlines().resolutionDue() + " passed"
                                : "The customer rejected the result again after " + subject.reworkCount() + " reworks",
                        "Superior department to lead a task force");
                var existing = mongo.findById(candidate.caseId(), CaseEscalationLock.class);
                try {
                    create(UUID.randomUUID(), subject, trigger, true, form, Actor.SYSTEM, existing);
                    raised++;
                } catch (OmbudException e) {
                    log.warn("Could not escalate case {}: {}", subject.number(), e.getMessage());
                }
            }
            return raised;
        });
    }

    private Escalation create(UUID id, ComplaintCase subject, EscalationTrigger trigger, boolean automatic,
            EscalationForm form, Actor actor, CaseEscalationLock recovered) {
        if (!subject.status().open()) {
            throw OmbudException.conflict("CASE_CLOSED", "Case {0} is closed", subject.number());
        }
        Instant now = clock.instant();
        UUID from = subject.assignment() != null ? subject.assignment().departmentId() : null;
        UUID to = from == null ? null : CurrentActor.runAsSystem(() -> directory.superiorOf(from))
                .map(d -> d.id()).orElse(null);
        CaseEscalationLock lock = recovered;
        if (lock == null) {
            String day = DAY.format(now.atZone(policy.calendar().zone()));
            lock = new CaseEscalationLock(subject.id(), id,
                    "SJ-%s-%04d".formatted(day, sequences.next("escalation-" + day)));
            try {
                mongo.insert(lock);
            } catch (DuplicateKeyException e) {
                var open = mongo.findById(subject.id(), CaseEscalationLock.class);
                if (open == null || !open.escalationId().equals(id)) {
                    throw OmbudException.conflict("ESCALATION_ALREADY_OPEN", "Case {0} is already escalated ({1})",
                            subject.number(), open == null ? "" : open.number());
                }
                // a repeat of a raise that crashed after taking the case's lock: finish it
                lock = open;
            }
        }
        var document = mongo.findById(lock.escalationId(), EscalationDocument.class);
        if (document == null) {
            Instant reviewDue = policy.addWorkingDays(now,
                    policy.current().content().operations().escalationApprovalWorkingDays());
            document = EscalationDocument.raise(lock.escalationId(), lock.number(), subject.id(), subject.number(),
                    trigger, automatic, from, to, form, reviewDue, actor, now);
            mongo.insert(document);
            audit.record(actor, "escalation.raised", "Escalation", lock.number(),
                    Map.of("case", subject.number(), "trigger", trigger.name()));
        }
        complaints.markEscalated(subject.id(), new EscalationRef(document.id(), document.number(), now,
                document.toDepartmentId()), actor);
        for (String reviewer : reviewers(to)) {
            notifications.notify(id(document.id(), "raised-" + reviewer), reviewer, "escalation.notice.raised",
                    List.of(document.number(), subject.number()), "escalations/" + document.id());
        }
        return document.view();
    }

    /** The superior department approves or rejects, with a reason. */
    @PreAuthorize("hasAnyRole('SUPERIOR','DEPT_HEAD','LEADERSHIP','ADMIN')")
    public Escalation review(UUID id, boolean approve, String reason, Long expectedVersion) {
        CurrentActor.requirePerson();
        String why = TextInput.required(reason, "reason", Kind.TEXT);
        var document = reviewable(id, expectedVersion);
        document.review(approve, why, CurrentActor.required(), clock.instant());
        var saved = save(document, approve ? "escalation.approved" : "escalation.rejected");
        if (!approve) {
            release(saved);
        }
        return saved.view();
    }

    @PreAuthorize("hasAnyRole('SUPERIOR','DEPT_HEAD','LEADERSHIP','ADMIN')")
    public Escalation formTaskForce(UUID id, TaskForce force, Long expectedVersion) {
        CurrentActor.requirePerson();
        String leadId = TextInput.required(force == null ? null : force.leadEmployeeId(), "leadEmployeeId",
                Kind.EMPLOYEE_ID);
        List<TaskForce.Member> members = force.members().stream().map(m -> new TaskForce.Member(
                TextInput.optional(m.employeeId(), "members.employeeId", Kind.EMPLOYEE_ID),
                TextInput.optional(m.role(), "members.role", Kind.NAME))).toList();
        var document = reviewable(id, expectedVersion);
        Person lead = activePerson(leadId, "leadEmployeeId");
        if (document.toDepartmentId() != null && !document.toDepartmentId().equals(lead.departmentId())) {
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
        document.formTaskForce(new TaskForce(lead.employeeId(), members), CurrentActor.required(),
                clock.instant());
        return save(document, "escalation.task-force").view();
    }

    @StaffOnly
    public Escalation addStep(UUID id, String title, String ownerEmployeeId, Instant due, Long expectedVersion) {
        CurrentActor.requirePerson();
        String step = TextInput.required(title, "title", Kind.LINE);
        String owner = TextInput.optional(ownerEmployeeId, "ownerEmployeeId", Kind.EMPLOYEE_ID);
        if (due == null) {
            throw OmbudException.badRequest("REQUIRED", "due", "{0} is required", "due");
        }
        TimeInput.future(due, "due", clock.instant(), MAX_SPAN);
        var document = taskForceWork(id, expectedVersion);
        activePerson(owner, "ownerEmployeeId");
        document.addStep(step, owner, due, CurrentActor.required(), clock.instant());
        return save(document, "escalation.step").view();
    }

    @StaffOnly
    public Escalation completeStep(UUID id, UUID stepId, Long expectedVersion) {
        var document = taskForceWork(id, expectedVersion);
        document.completeStep(stepId, CurrentActor.required(), clock.instant());
        return save(document, "escalation.step-done").view();
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
        var document = taskForceWork(id, expectedVersion);
        document.recordMeeting(new Meeting(at, present, text, CurrentActor.required().subject()),
                CurrentActor.required(), clock.instant());
        return save(document, "escalation.meeting").view();
    }

    @StaffOnly
    public Escalation submitReport(UUID id, String process, String result, Integer satisfaction,
            Long expectedVersion) {
        CurrentActor.requirePerson();
        String how = TextInput.required(process, "process", Kind.TEXT);
        String outcome = TextInput.required(result, "result", Kind.TEXT);
        var document = taskForceWork(id, expectedVersion);
        if (satisfaction != null && (satisfaction < 1 || satisfaction > 5)) {
            throw OmbudException.badRequest("VALUE_OUT_OF_RANGE", "customerSatisfaction",
                    "{0} must be between {1} and {2}", "customerSatisfaction", 1, 5);
        }
        document.submitReport(how, outcome, satisfaction,
                CurrentActor.required(), clock.instant());
        return save(document, "escalation.reported").view();
    }

    @PreAuthorize("hasAnyRole('SUPERIOR','DEPT_HEAD','LEADERSHIP','ADMIN')")
    public Escalation reviewReport(UUID id, boolean approve, String note, Long expectedVersion) {
        CurrentActor.requirePerson();
        String text = approve ? TextInput.optional(note, "note", Kind.TEXT)
                : TextInput.required(note, "note", Kind.TEXT);
        var document = reviewable(id, expectedVersion);
        document.reviewReport(approve, text, CurrentActor.required(), clock.instant());
        return save(document, approve ? "escalation.report-approved" : "escalation.report-sent-back").view();
    }

    @StaffOnly
    public Escalation sendResult(UUID id, String text, Long expectedVersion) {
        CurrentActor.requirePerson();
        String result = TextInput.required(text, "text", Kind.TEXT);
        var document = taskForceWork(id, expectedVersion);
        document.sendResult(result, CurrentActor.required(), clock.instant());
        return save(document, "escalation.result-sent").view();
    }

    @PreAuthorize("hasAnyRole('SUPERIOR','DEPT_HEAD','LEADERSHIP','ADMIN')")
    public Escalation evaluate(UUID id, int score, String comment, Long expectedVersion) {
        CurrentActor.requirePerson();
        String remark = TextInput.optional(comment, "comment", Kind.NOTE);
        var document = reviewable(id, expectedVersion);
        if (score < 1 || score > 5) {
            throw OmbudException.badRequest("VALUE_OUT_OF_RANGE", "score", "{0} must be between {1} and {2}", "score",
                    1, 5);
        }
        document.evaluate(score, remark, CurrentActor.required(), clock.instant());
        var saved = save(document, "escalation.closed");
        release(saved);
        return saved.view();
    }

    @PreAuthorize("isAuthenticated()")
    public Escalation get(UUID id) {
        var document = mongo.findOne(Query.query(new Criteria().andOperator(Criteria.where("_id").is(id),
                visibility(CurrentActor.required()))), EscalationDocument.class);
        if (document == null) {
            throw OmbudException.notFound("ESCALATION_NOT_FOUND", "No escalation {0} that you may see", id);
        }
        return present(document.view(), CurrentActor.required());
    }

    /** Escalations the caller may see, newest first; {@code overdueOnly} for the superior's queue. */
    @PreAuthorize("isAuthenticated()")
    public Window<Escalation> search(EscalationStatus status, boolean overdueOnly, ScrollPosition position, int size) {
        Actor actor = CurrentActor.required();
        List<Criteria> where = new ArrayList<>();
        where.add(visibility(actor));
        if (status != null) {
            where.add(Criteria.where("status").is(status));
        }
        if (overdueOnly) {
            where.add(Criteria.where("reviewOverdueAt").ne(null).and("status").is(EscalationStatus.SUBMITTED));
        }
        Query query = new Query(new Criteria().andOperator(where))
                .with(Sort.by(Sort.Order.desc("raisedAt"), Sort.Order.desc("id"))).limit(size);
        return mongo.scroll(query.with(position), EscalationDocument.class).map(d -> present(d.view(), actor));
    }

    /** Flags reviews past their due time and tells the superior department's head (job; safe to repeat). */
    public int flagOverdueReviews(Instant now) {
        Query query = Query.query(Criteria.where("status").is(EscalationStatus.SUBMITTED).and("reviewOverdueAt")
                .is(null).and("reviewDue").lte(now)).limit(200);
        int flagged = 0;
        for (var document : mongo.find(query, EscalationDocument.class)) {
            for (String reviewer : reviewers(document.toDepartmentId())) {
                notifications.notify(id(document.id(), "overdue-" + reviewer), reviewer, "escalation.notice.overdue",
                        List.of(document.number()), "escalations/" + document.id());
            }
            var entry = new EscalationEntry(now, Actor.SYSTEM.subject(), "review-overdue", null, null, null);
            flagged += (int) mongo.updateFirst(Query.query(Criteria.where("_id").is(document.id())
                            .and("reviewOverdueAt").is(null)),
                    new Update().set("reviewOverdueAt", now).push("timeline", entry).inc("version", 1),
                    EscalationDocument.class).getModifiedCount();
        }
        return flagged;
    }

    // ---- rules -------------------------------------------------------------------------

    /** Every free text of the escalation masked for BI readers (the form, minutes, reports quote customers). */
    private static Escalation present(Escalation view, Actor actor) {
        return PersonalData.hiddenFrom(actor) ? PersonalData.maskTexts(view) : view;
    }

    /** The head and the SUPERIOR-role people of the superior department; leadership when there is none. */
    private List<String> reviewers(UUID toDepartmentId) {
        Set<String> people = new LinkedHashSet<>();
        if (toDepartmentId == null) {
            people.addAll(directory.activeEmployeeIdsWithRole(Role.LEADERSHIP));
        } else {
            directory.headOf(toDepartmentId).ifPresent(people::add);
        }
        return List.copyOf(people);
    }

    private boolean isReviewer(EscalationDocument document, Actor actor) {
        if (actor.hasAny(Role.ADMIN, Role.LEADERSHIP)) {
            return true;
        }
        if (document.toDepartmentId() == null || !actor.hasAny(Role.SUPERIOR, Role.DEPT_HEAD)) {
            return false;
        }
        return me(actor).map(p -> document.toDepartmentId().equals(p.departmentId())).orElse(false);
    }

    private EscalationDocument reviewable(UUID id, Long expectedVersion) {
        var document = visible(id, expectedVersion);
        if (!isReviewer(document, CurrentActor.required())) {
            throw OmbudException.forbidden("NOT_SUPERIOR_REVIEWER",
                    "Only the superior department decides on escalation {0}", document.number());
        }
        return document;
    }

    private EscalationDocument taskForceWork(UUID id, Long expectedVersion) {
        var document = visible(id, expectedVersion);
        Actor actor = CurrentActor.required();
        boolean lead = document.taskForce() != null && actor.employeeId() != null
                && document.taskForce().includes(actor.employeeId());
        if (!lead && !isReviewer(document, actor)) {
            throw OmbudException.forbidden("NOT_TASK_FORCE_MEMBER",
                    "Only the task force or the superior department works on escalation {0}", document.number());
        }
        return document;
    }

    private Criteria visibility(Actor actor) {
        if (actor.kind() == Actor.Kind.SYSTEM || actor.hasAny(Role.ADMIN, Role.LEADERSHIP, Role.BI_READER)) {
            return new Criteria();
        }
        List<Criteria> any = new ArrayList<>();
        any.add(Criteria.where("raisedBy").is(actor.subject()));
        if (actor.employeeId() != null) {
            any.add(Criteria.where("taskForce.leadEmployeeId").is(actor.employeeId()));
            any.add(Criteria.where("taskForce.members.employeeId").is(actor.employeeId()));
        }
        me(actor).filter(p -> p.departmentId() != null && actor.hasAny(Role.SUPERIOR, Role.DEPT_HEAD))
                .ifPresent(p -> {
                    any.add(Criteria.where("toDepartmentId").is(p.departmentId()));
                    any.add(Criteria.where("fromDepartmentId").is(p.departmentId()));
                });
        return new Criteria().orOperator(any);
    }

    /** An escalation to work on: every step on an escalation is a person's. */
    private EscalationDocument visible(UUID id, Long expectedVersion) {
        CurrentActor.requirePerson();
        var document = mongo.findOne(Query.query(new Criteria().andOperator(Criteria.where("_id").is(id),
                visibility(CurrentActor.required()))), EscalationDocument.class);
        if (document == null) {
            throw OmbudException.notFound("ESCALATION_NOT_FOUND", "No escalation {0} that you may see", id);
        }
        if (expectedVersion != null && !expectedVersion.equals(document.version())) {
            throw OmbudException.conflict("CONCURRENT_UPDATE",
                    "Someone else changed this record meanwhile; reload and try again");
        }
        return document;
    }

    private Optional<Person> me(Actor actor) {
        return actor.employeeId() == null ? Optional.empty() : directory.personByEmployeeId(actor.employeeId());
    }

    private Person activePerson(String employeeId, String field) {
        String clean = employeeId == null ? "" : employeeId.strip();
        return directory.personByEmployeeId(clean).filter(Person::active).orElseThrow(() ->
                OmbudException.badRequest("PERSON_NOT_FOUND", field, "No active person {0}", clean));
    }

    private void release(EscalationDocument document) {
        mongo.remove(Query.query(Criteria.where("escalationId").is(document.id())), CaseEscalationLock.class);
    }

    private EscalationDocument save(EscalationDocument document, String action) {
        try {
            var saved = mongo.save(document);
            audit.record(action, "Escalation", saved.number(), Map.of("status", saved.status().name()));
            return saved;
        } catch (OptimisticLockingFailureException e) {
            throw OmbudException.conflict("CONCURRENT_UPDATE",
                    "Someone else changed this record meanwhile; reload and try again");
        }
    }

    private static UUID id(UUID escalationId, String what) {
        return UUID.nameUUIDFromBytes((escalationId + "/" + what).getBytes(StandardCharsets.UTF_8));
    }
}
