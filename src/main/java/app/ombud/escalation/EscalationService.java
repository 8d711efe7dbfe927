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
import app.ombud.platform.OmbudException;
import app.ombud.platform.PersonalData;
import app.ombud.platform.Role;
import app.ombud.platform.Sequences;
import app.ombud.platform.StaffOnly;
import app.ombud.policy.PolicyService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
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

    private final MongoTemplate mongo;
    private final ComplaintService complaints;
    private final DirectoryService directory;
    private final PolicyService policy;
    private final NotificationService notifications;
    private final Sequences sequences;
    private final AuditTrail audit;
    private final Clock clock;

    EscalationService(MongoTemplate mongo, ComplaintService complaints, DirectoryService directory,
            PolicyService policy, NotificationService notifications, Sequences sequences, AuditTrail audit,
            Clock clock) {
        this.mongo = mongo;
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
        CurrentActor.requirePerson();
        if (trigger == null) {
            throw OmbudException.badRequest("REQUIRED", "trigger", "{0} is required", "trigger");
        }
        var complete = new EscalationForm(required(form == null ? null : form.situation(), "situation"),
                required(form == null ? null : form.progress(), "progress"),
                required(form == null ? null : form.whyUnsolved(), "whyUnsolved"),
                required(form == null ? null : form.proposal(), "proposal"));
        ComplaintCase subject = complaints.get(caseId);
        return create(subject, trigger, false, complete, CurrentActor.required(), null);
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
                    create(subject, trigger, true, form, Actor.SYSTEM, existing);
                    raised++;
                } catch (OmbudException e) {
                    log.warn("Could not escalate case {}: {}", subject.number(), e.getMessage());
                }
            }
            return raised;
        });
    }

    private Escalation create(ComplaintCase subject, EscalationTrigger trigger, boolean automatic,
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
            lock = new CaseEscalationLock(subject.id(), UUID.randomUUID(),
                    "SJ-%s-%04d".formatted(day, sequences.next("escalation-" + day)));
            try {
                mongo.insert(lock);
            } catch (DuplicateKeyException e) {
                var open = mongo.findById(subject.id(), CaseEscalationLock.class);
                throw OmbudException.conflict("ESCALATION_ALREADY_OPEN", "Case {0} is already escalated ({1})",
                        subject.number(), open == null ? "" : open.number());
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
        var document = reviewable(id, expectedVersion);
        document.review(approve, required(reason, "reason"), CurrentActor.required(), clock.instant());
        var saved = save(document, approve ? "escalation.approved" : "escalation.rejected");
        if (!approve) {
            release(saved);
        }
        return saved.view();
    }

    @PreAuthorize("hasAnyRole('SUPERIOR','DEPT_HEAD','LEADERSHIP','ADMIN')")
    public Escalation formTaskForce(UUID id, TaskForce force, Long expectedVersion) {
        var document = reviewable(id, expectedVersion);
        if (force == null || force.leadEmployeeId() == null || force.leadEmployeeId().isBlank()) {
            throw OmbudException.badRequest("REQUIRED", "leadEmployeeId", "{0} is required", "leadEmployeeId");
        }
        Person lead = activePerson(force.leadEmployeeId(), "leadEmployeeId");
        if (document.toDepartmentId() != null && !document.toDepartmentId().equals(lead.departmentId())) {
            throw OmbudException.badRequest("LEAD_NOT_IN_SUPERIOR_DEPARTMENT", "leadEmployeeId",
                    "The task force lead must come from the superior department");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (var member : force.members()) {
            activePerson(member.employeeId(), "members");
            if (!seen.add(member.employeeId()) || member.employeeId().equals(lead.employeeId())) {
                throw OmbudException.badRequest("MEMBER_TWICE", "members", "{0} is named twice", member.employeeId());
            }
            if (member.role() == null || member.role().isBlank()) {
                throw OmbudException.badRequest("REQUIRED", "members.role", "{0} is required", "members.role");
            }
        }
        document.formTaskForce(new TaskForce(lead.employeeId(), force.members()), CurrentActor.required(),
                clock.instant());
        return save(document, "escalation.task-force").view();
    }

    @StaffOnly
    public Escalation addStep(UUID id, String title, String ownerEmployeeId, Instant due, Long expectedVersion) {
        var document = taskForceWork(id, expectedVersion);
        activePerson(ownerEmployeeId, "ownerEmployeeId");
        if (due == null) {
            throw OmbudException.badRequest("REQUIRED", "due", "{0} is required", "due");
        }
        document.addStep(required(title, "title"), ownerEmployeeId.strip(), due, CurrentActor.required(),
                clock.instant());
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
        var document = taskForceWork(id, expectedVersion);
        if (at == null) {
            throw OmbudException.badRequest("REQUIRED", "at", "{0} is required", "at");
        }
        document.recordMeeting(new Meeting(at, attendees == null ? List.of() : attendees, required(minutes, "minutes"),
                CurrentActor.required().subject()), CurrentActor.required(), clock.instant());
        return save(document, "escalation.meeting").view();
    }

    @StaffOnly
    public Escalation submitReport(UUID id, String process, String result, Integer satisfaction,
            Long expectedVersion) {
        var document = taskForceWork(id, expectedVersion);
        if (satisfaction != null && (satisfaction < 1 || satisfaction > 5)) {
            throw OmbudException.badRequest("VALUE_OUT_OF_RANGE", "customerSatisfaction",
                    "{0} must be between {1} and {2}", "customerSatisfaction", 1, 5);
        }
        document.submitReport(required(process, "process"), required(result, "result"), satisfaction,
                CurrentActor.required(), clock.instant());
        return save(document, "escalation.reported").view();
    }

    @PreAuthorize("hasAnyRole('SUPERIOR','DEPT_HEAD','LEADERSHIP','ADMIN')")
    public Escalation reviewReport(UUID id, boolean approve, String note, Long expectedVersion) {
        var document = reviewable(id, expectedVersion);
        document.reviewReport(approve, approve ? note : required(note, "note"), CurrentActor.required(),
                clock.instant());
        return save(document, approve ? "escalation.report-approved" : "escalation.report-sent-back").view();
    }

    @StaffOnly
    public Escalation sendResult(UUID id, String text, Long expectedVersion) {
        var document = taskForceWork(id, expectedVersion);
        document.sendResult(required(text, "text"), CurrentActor.required(), clock.instant());
        return save(document, "escalation.result-sent").view();
    }

    @PreAuthorize("hasAnyRole('SUPERIOR','DEPT_HEAD','LEADERSHIP','ADMIN')")
    public Escalation evaluate(UUID id, int score, String comment, Long expectedVersion) {
        var document = reviewable(id, expectedVersion);
        if (score < 1 || score > 5) {
            throw OmbudException.badRequest("VALUE_OUT_OF_RANGE", "score", "{0} must be between {1} and {2}", "score",
                    1, 5);
        }
        document.evaluate(score, comment == null ? null : comment.strip(), CurrentActor.required(), clock.instant());
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

    private static String required(String text, String field) {
        if (text == null || text.isBlank()) {
            throw OmbudException.badRequest("REQUIRED", field, "{0} is required", field);
        }
        if (text.strip().length() > 5000) {
            throw OmbudException.badRequest("TOO_LONG", field, "{0} is longer than {1} characters", field, 5000);
        }
        return text.strip();
    }

    private static UUID id(UUID escalationId, String what) {
        return UUID.nameUUIDFromBytes((escalationId + "/" + what).getBytes(StandardCharsets.UTF_8));
    }
}
