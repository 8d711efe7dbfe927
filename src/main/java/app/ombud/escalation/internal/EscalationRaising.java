package app.ombud.escalation.internal;

import app.ombud.complaint.ComplaintCase;
import app.ombud.complaint.ComplaintService;
import app.ombud.complaint.EscalationRef;
import app.ombud.directory.Department;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.Person;
import app.ombud.escalation.EscalationForm;
import app.ombud.escalation.EscalationTrigger;
import app.ombud.notification.NotificationService;
import app.ombud.platform.Actor;
import app.ombud.platform.AuditTrail;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.NoticeIds;
import app.ombud.platform.OmbudException;
import app.ombud.platform.Role;
import app.ombud.platform.Sequences;
import app.ombud.policy.PolicyService;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Raising an escalation, by hand or by the job: the case's lock (one open escalation per case),
 * the number, the route to the superior department, the document, the link on the case and the
 * notice to the reviewers. Safe to repeat: a repeat finishes what a crashed raise began.
 */
@Component
public class EscalationRaising {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final EscalationFields fields;
    private final ComplaintService complaints;
    private final DirectoryService directory;
    private final PolicyService policy;
    private final NotificationService notifications;
    private final Sequences sequences;
    private final AuditTrail audit;
    private final Clock clock;

    EscalationRaising(EscalationFields fields, ComplaintService complaints, DirectoryService directory,
            PolicyService policy, NotificationService notifications, Sequences sequences, AuditTrail audit,
            Clock clock) {
        this.fields = fields;
        this.complaints = complaints;
        this.directory = directory;
        this.policy = policy;
        this.notifications = notifications;
        this.sequences = sequences;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Raises the escalation {@code id} of an open case. {@code recovered}: the case's lock found by
     * the job, whose escalation a crashed raise may not have stored yet.
     */
    public EscalationDocument raise(UUID id, ComplaintCase subject, EscalationTrigger trigger, boolean automatic,
            EscalationForm form, Actor actor, CaseEscalationLock recovered) {
        if (!subject.status().open()) {
            throw OmbudException.conflict("CASE_CLOSED", "Case {0} is closed", subject.number());
        }
        Instant now = clock.instant();
        CaseEscalationLock lock = recovered;
        if (lock == null) {
            String day = DAY.format(now.atZone(policy.calendar().zone()));
            lock = new CaseEscalationLock(subject.id(), id,
                    "SJ-%s-%04d".formatted(day, sequences.next("escalation-" + day)));
            if (!fields.lock(lock)) {
                var open = fields.lockOf(subject.id()).orElse(null);
                if (open == null || !open.escalationId().equals(id)) {
                    throw OmbudException.conflict("ESCALATION_ALREADY_OPEN", "Case {0} is already escalated ({1})",
                            subject.number(), open == null ? "" : open.number());
                }
                // a repeat of a raise that crashed after taking the case's lock: finish it
                lock = open;
            }
        }
        var document = fields.byId(lock.escalationId()).orElse(null);
        if (document == null) {
            var route = CurrentActor.runAsSystem(() -> route(subject));
            Instant reviewDue = policy.addWorkingDays(now,
                    policy.current().content().operations().escalationApprovalWorkingDays());
            document = EscalationDocument.raise(lock.escalationId(), lock.number(), subject.id(), subject.number(),
                    trigger, automatic, route.from(), route.to(), form, reviewDue, actor, now);
            fields.insert(document);
            audit.record(actor, "escalation.raised", "Escalation", lock.number(),
                    Map.of("case", subject.number(), "trigger", trigger.name()));
        }
        complaints.markEscalated(subject.id(), new EscalationRef(document.id(), document.number(), now,
                document.toDepartmentId()), actor);
        for (String reviewer : reviewers(document.toDepartmentId())) {
            notifications.notify(NoticeIds.of(document.id(), "raised-" + reviewer), reviewer,
                    "escalation.notice.raised", List.of(document.number(), subject.number()),
                    "escalations/" + document.id());
        }
        return document;
    }

    /** The department an escalation comes from and the superior department it goes to. */
    record Route(UUID from, UUID to) {
    }

    /**
     * From the department the case is assigned to, or — not dispatched yet — the department of
     * the person who took it in; to that department's superior (its parent), else the policy's
     * default escalation department (not the department itself), else null: leadership reviews.
     */
    private Route route(ComplaintCase subject) {
        UUID from = subject.assignment() != null ? subject.assignment().departmentId()
                : directory.personByEmployeeId(subject.intakeBy()).map(Person::departmentId).orElse(null);
        UUID to = from == null ? null : directory.superiorOf(from).map(Department::id).orElse(null);
        if (to == null) {
            UUID fallback = policy.current().content().operations().escalationDepartmentId();
            to = fallback == null || fallback.equals(from) ? null : fallback;
        }
        return new Route(from, to);
    }

    /** The head of the superior department; leadership when there is none. */
    public List<String> reviewers(UUID toDepartmentId) {
        Set<String> people = new LinkedHashSet<>();
        if (toDepartmentId == null) {
            people.addAll(directory.activeEmployeeIdsWithRole(Role.LEADERSHIP));
        } else {
            directory.headOf(toDepartmentId).ifPresent(people::add);
        }
        return List.copyOf(people);
    }
}
