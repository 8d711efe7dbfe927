package app.ombud.improvement;

import app.ombud.directory.Department;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.Person;
import app.ombud.improvement.internal.ImprovementCaller;
import app.ombud.improvement.internal.ImprovementDocument;
import app.ombud.improvement.internal.ImprovementFields;
import app.ombud.notification.NotificationService;
import app.ombud.platform.Actor;
import app.ombud.platform.AuditTrail;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.Idempotency;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.NoticeIds;
import app.ombud.platform.OmbudException;
import app.ombud.platform.PersonalData;
import app.ombud.platform.Sequences;
import app.ombud.platform.StaffOnly;
import app.ombud.platform.TextInput;
import app.ombud.platform.TextInput.Kind;
import app.ombud.platform.TimeInput;
import app.ombud.policy.PolicyService;
import app.ombud.policy.WorkingCalendar;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Improvement actions (改进措施, SPEC §4). Other modules raise them through {@link #raise}; the
 * owner — an active person of the responsible department — reports progress and submits the
 * action; the raiser's side verifies it: effective closes it (after a passing re-test when one is
 * required), not effective reopens it with a reason and a new due date. Due dates are working
 * days of the policy's calendar, from today to {@value #MAX_DAYS_AHEAD} days ahead (none given:
 * {@value #DEFAULT_WORKING_DAYS} working days from now).
 *
 * <p><b>Who sees an action:</b> its raiser and its owner; a department head (DEPT_HEAD) the
 * actions of the department they head, as the owner's department or the raiser's; the test-call
 * group (CALLTEST_STAFF) every action from test calls (TEST_CALL_FINDING, WEAK_SPOT);
 * leadership and admins all; BI readers all, with every free text masked. Anyone else gets
 * {@code IMPROVEMENT_NOT_FOUND}.
 *
 * <p><b>Who acts:</b> only the owner reports progress and submits it; the raiser's side verifies
 * and cancels — the raiser, the head of the raiser's department, the test-call group for actions
 * from test calls, leadership and admins — but never the owner ({@code
 * IMPROVEMENT_VERIFY_BY_OWNER}). Each command resolves the caller once ({@link ImprovementCaller}),
 * {@code require}s its step on the document, takes it and saves with the version read
 * ({@code CONCURRENT_UPDATE} on a stale {@code expectedVersion}).
 */
@Service
public class ImprovementService {

    /** The due date when none is given: this many working days from now. */
    public static final int DEFAULT_WORKING_DAYS = 10;
    /** How far ahead a due date may be. */
    public static final int MAX_DAYS_AHEAD = 366;
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final int MAX_PENDING = 500;

    private final ImprovementFields fields;
    private final DirectoryService directory;
    private final PolicyService policy;
    private final Sequences sequences;
    private final NotificationService notifications;
    private final AuditTrail audit;
    private final Clock clock;
    private final Idempotency idempotency;

    ImprovementService(ImprovementFields fields, DirectoryService directory, PolicyService policy, Sequences sequences,
            NotificationService notifications, AuditTrail audit, Clock clock, Idempotency idempotency) {
        this.fields = fields;
        this.directory = directory;
        this.policy = policy;
        this.sequences = sequences;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
        this.idempotency = idempotency;
    }

    /** Raises an action; a person of the call center, or Ombud itself (the test-call module's jobs). */
    @StaffOnly
    public ImprovementAction raise(RaiseImprovement request) {
        return raise(request, IdempotencyKey.NONE);
    }

    /** Raises an action once per key: a repeat with the same key returns the first action. */
    @StaffOnly
    public ImprovementAction raise(RaiseImprovement request, IdempotencyKey key) {
        Actor actor = personOrSystem();
        var clean = clean(request);
        return idempotency.once("improvement.raise", key, clean, id -> create(id, clean, actor),
                id -> fields.byId(id).map(d -> d.view(caller(actor))));
    }

    /** The request with its texts checked (before any lookup) and its required parts present. */
    private static RaiseImprovement clean(RaiseImprovement r) {
        if (r == null) {
            throw OmbudException.badRequest("REQUIRED", "title", "{0} is required", "title");
        }
        var ref = r.sourceRef();
        String refType = TextInput.optional(ref == null ? null : ref.type(), "sourceRef.type", Kind.CODE);
        String refNumber = TextInput.optional(ref == null ? null : ref.number(), "sourceRef.number", Kind.LINE);
        String title = TextInput.required(r.title(), "title", Kind.LINE);
        String description = TextInput.required(r.description(), "description", Kind.TEXT);
        String owner = TextInput.required(r.ownerEmployeeId(), "ownerEmployeeId", Kind.EMPLOYEE_ID);
        RetestRequest retest = r.retest() == null ? null : new RetestRequest(
                TextInput.required(r.retest().scenarioRef(), "retest.scenarioRef", Kind.LINE), r.retest().teamId());
        if (r.source() == null) {
            throw OmbudException.badRequest("REQUIRED", "source", "{0} is required", "source");
        }
        SourceRef source = refType == null && refNumber == null && (ref == null || ref.id() == null) ? null
                : new SourceRef(refType, ref.id(), refNumber);
        if (r.source() != ImprovementSource.MANUAL && (source == null || source.type() == null
                || source.id() == null && source.number() == null)) {
            throw OmbudException.badRequest("IMPROVEMENT_SOURCE_REQUIRED", "sourceRef",
                    "An action from {0} names its source record (type and ID or number)", r.source().name());
        }
        if (r.departmentId() == null) {
            throw OmbudException.badRequest("REQUIRED", "departmentId", "{0} is required", "departmentId");
        }
        if (retest != null && !r.source().fromTestCalls()) {
            throw OmbudException.badRequest("IMPROVEMENT_RETEST_SOURCE", "retest",
                    "Only an action from test calls can require a re-test");
        }
        if (retest != null && retest.teamId() == null) {
            throw OmbudException.badRequest("REQUIRED", "retest.teamId", "{0} is required", "retest.teamId");
        }
        return new RaiseImprovement(r.source(), source, title, description, r.departmentId(), owner, r.dueDate(),
                retest);
    }

    private ImprovementAction create(UUID id, RaiseImprovement r, Actor actor) {
        Instant now = clock.instant();
        WorkingCalendar calendar = policy.calendar();
        LocalDate due = dueDate(r.dueDate(), "dueDate", calendar, now);
        Department department = department(r.departmentId());
        Person owner = directory.personByEmployeeId(r.ownerEmployeeId()).filter(Person::active).orElseThrow(() ->
                OmbudException.badRequest("PERSON_NOT_FOUND", "ownerEmployeeId", "No active person {0}",
                        r.ownerEmployeeId()));
        if (!department.id().equals(owner.departmentId())) {
            throw OmbudException.badRequest("IMPROVEMENT_OWNER_NOT_IN_DEPARTMENT", "ownerEmployeeId",
                    "{0} is not in the department {1}", owner.employeeId(), department.name());
        }
        Retest retest = null;
        if (r.retest() != null) {
            try {
                directory.team(r.retest().teamId());
            } catch (OmbudException e) {
                throw OmbudException.badRequest("TEAM_NOT_FOUND", "retest.teamId", "No team with ID {0}",
                        r.retest().teamId());
            }
            retest = new Retest(r.retest().scenarioRef(), r.retest().teamId(), List.of());
        }
        var caller = caller(actor);
        String day = DAY.format(now.atZone(calendar.zone()));
        String number = "GJ-%s-%04d".formatted(day, sequences.next("improvement-" + day));
        var document = ImprovementDocument.raise(id, number, r.source(), r.sourceRef(), r.title(), r.description(),
                department.id(), owner.employeeId(), caller.department(), due, endOf(due, calendar), retest, actor, now);
        fields.insert(document);
        audit.record(actor, "improvement.raised", "ImprovementAction", number, Map.of("source", r.source().name(),
                "owner", owner.employeeId()));
        notifications.notify(NoticeIds.of(id, "assigned"), owner.employeeId(), "improvement.notice.assigned",
                List.of(number, r.title()), link(id));
        return present(document.view(caller), actor);
    }

    /** The owner reports progress; the first report starts the work. */
    @StaffOnly
    public ImprovementAction reportProgress(UUID id, String text, Long expectedVersion) {
        CurrentActor.requirePerson();
        String report = TextInput.required(text, "text", Kind.TEXT);
        var step = take(id, ImprovementStep.REPORT_PROGRESS, expectedVersion);
        step.document().reportProgress(report, CurrentActor.required(), clock.instant());
        return save(step, "improvement.progress");
    }

    /** The owner submits the action for verification with what was done; the raiser is told. */
    @StaffOnly
    public ImprovementAction submitForVerification(UUID id, String summary, Long expectedVersion) {
        CurrentActor.requirePerson();
        String done = TextInput.required(summary, "summary", Kind.TEXT);
        var step = take(id, ImprovementStep.SUBMIT_FOR_VERIFICATION, expectedVersion);
        var document = step.document();
        document.submitForVerification(done, CurrentActor.required(), clock.instant());
        var saved = save(step, "improvement.submitted");
        if (!Actor.SYSTEM.key().equals(document.raisedBy())) {
            notifications.notify(NoticeIds.of(id, "to-verify/" + saved.reopenCount()), document.raisedBy(),
                    "improvement.notice.toVerify", List.of(saved.number()), link(id));
        }
        return saved;
    }

    /**
     * The raiser's side verifies: effective closes the action; not effective reopens it with a
     * reason (required) and a new due date ({@code newDueDate}, checked like the first; none:
     * the default working days from now), and the owner is told.
     */
    @StaffOnly
    public ImprovementAction verify(UUID id, boolean effective, String reason, LocalDate newDueDate,
            Long expectedVersion) {
        CurrentActor.requirePerson();
        String why = effective ? TextInput.optional(reason, "reason", Kind.TEXT)
                : TextInput.required(reason, "reason", Kind.TEXT);
        var step = take(id, ImprovementStep.VERIFY, expectedVersion);
        Instant now = clock.instant();
        LocalDate due = null;
        Instant dueBy = null;
        if (!effective) {
            WorkingCalendar calendar = policy.calendar();
            due = dueDate(newDueDate, "newDueDate", calendar, now);
            dueBy = endOf(due, calendar);
        }
        step.document().verify(effective, why, due, dueBy, CurrentActor.required(), now);
        var saved = save(step, effective ? "improvement.closed" : "improvement.reopened");
        if (!effective) {
            notifications.notify(NoticeIds.of(id, "reopened/" + saved.reopenCount()), saved.ownerEmployeeId(),
                    "improvement.notice.reopened", List.of(saved.number(), due.toString()), link(id));
        }
        return saved;
    }

    /** The raiser's side cancels the action with a reason. */
    @StaffOnly
    public ImprovementAction cancel(UUID id, String reason, Long expectedVersion) {
        CurrentActor.requirePerson();
        String why = TextInput.required(reason, "reason", Kind.TEXT);
        var step = take(id, ImprovementStep.CANCEL, expectedVersion);
        step.document().cancel(why, CurrentActor.required(), clock.instant());
        return save(step, "improvement.cancelled");
    }

    /**
     * Records a re-test call's result on an action that requires a re-test — the test-call
     * module's call when a re-test call is scored (CALLTEST_STAFF, an admin, or Ombud itself).
     * It takes no version: it reads the action again when someone's step changed it meanwhile.
     * The same test call again records nothing new.
     */
    @PreAuthorize("hasAnyRole('CALLTEST_STAFF','ADMIN') or principal == 'system'")
    public ImprovementAction recordRetest(UUID actionId, String testCallRef, boolean passed) {
        Actor actor = personOrSystem();
        String ref = TextInput.required(testCallRef, "testCallRef", Kind.LINE);
        for (int attempt = 1; ; attempt++) {
            var document = fields.visible(actionId, fields.visibility(actor, caller(actor)))
                    .orElseThrow(() -> notFound(actionId));
            if (!document.recordRetest(ref, passed, actor, clock.instant())) {
                return document.view(caller(actor));
            }
            try {
                var saved = fields.save(document);
                audit.record(actor, "improvement.retest", "ImprovementAction", saved.number(),
                        Map.of("testCall", ref, "passed", Boolean.toString(passed)));
                return saved.view(caller(actor));
            } catch (OmbudException e) {
                if (!e.isConcurrentUpdate() || attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** Open actions waiting for a passing re-test: the test-call module's next draw calls the same scenario on the same team. */
    @PreAuthorize("hasAnyRole('CALLTEST_STAFF','ADMIN') or principal == 'system'")
    public List<PendingRetest> pendingRetests() {
        return fields.withRetest(MAX_PENDING).stream().map(d -> d.view(java.util.Set.of()))
                .filter(a -> !a.retest().passedSince(lastReopen(a)))
                .map(a -> new PendingRetest(a.id(), a.number(), a.retest().scenarioRef(), a.retest().teamId()))
                .toList();
    }

    private static Instant lastReopen(ImprovementAction a) {
        return a.verifications().stream().filter(v -> !v.effective()).map(VerificationResult::at)
                .reduce((first, second) -> second).orElse(null);
    }

    @PreAuthorize("isAuthenticated()")
    public ImprovementAction get(UUID id) {
        Actor actor = CurrentActor.required();
        var caller = caller(actor);
        var document = fields.visible(id, fields.visibility(actor, caller)).orElseThrow(() -> notFound(id));
        return present(document.view(caller), actor);
    }

    /** A list of the actions the caller may see ({@link ImprovementScope}), earliest due first. */
    @PreAuthorize("isAuthenticated()")
    public Window<ImprovementAction> search(ImprovementScope scope, ImprovementStatus status, ScrollPosition position,
            int size) {
        Actor actor = CurrentActor.required();
        var caller = caller(actor);
        return fields.search(fields.visibility(actor, caller), scope, status, actor.key(), caller.department(),
                position, size).map(d -> present(d.view(caller), actor));
    }

    // ---- rules -------------------------------------------------------------------------

    /**
     * A due date on the policy's calendar: a working day from today (in the company's zone) to
     * {@value #MAX_DAYS_AHEAD} days ahead; none given, {@value #DEFAULT_WORKING_DAYS} working days from now.
     */
    static LocalDate dueDate(LocalDate asked, String field, WorkingCalendar calendar, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, calendar.zone());
        if (asked == null) {
            return LocalDate.ofInstant(calendar.addWorkingDays(now, DEFAULT_WORKING_DAYS), calendar.zone());
        }
        TimeInput.checkRange(asked, field);
        if (asked.isBefore(today)) {
            throw OmbudException.badRequest("DUE_DATE_IN_PAST", field, "{0} is in the past: {1}", field,
                    asked.toString());
        }
        if (asked.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
            throw OmbudException.badRequest("DUE_DATE_TOO_FAR", field, "{0} is more than {1} days ahead", field,
                    MAX_DAYS_AHEAD);
        }
        if (!calendar.isWorkingDay(asked)) {
            throw OmbudException.badRequest("DUE_DATE_NOT_WORKING_DAY", field, "{0} is not a working day: {1}", field,
                    asked.toString());
        }
        return asked;
    }

    /**
     * A person, or Ombud itself (the test-call module's jobs); an API client is refused with
     * {@code PERSON_REQUIRED} before anything is validated or looked up.
     */
    static Actor personOrSystem() {
        Actor actor = CurrentActor.required();
        if (actor.kind() == Actor.Kind.SYSTEM) {
            return actor;
        }
        return CurrentActor.requirePerson();
    }

    /** The end of the due day in the company's zone: the action is overdue from then. */
    static Instant endOf(LocalDate due, WorkingCalendar calendar) {
        return due.plusDays(1).atStartOfDay(calendar.zone()).toInstant();
    }

    private record Step(ImprovementDocument document, ImprovementCaller caller) {
    }

    private Step take(UUID id, ImprovementStep step, Long expectedVersion) {
        Actor actor = CurrentActor.requirePerson();
        var caller = caller(actor);
        var document = fields.visible(id, fields.visibility(actor, caller)).orElseThrow(() -> notFound(id));
        if (expectedVersion != null && !expectedVersion.equals(document.version())) {
            throw OmbudException.concurrentUpdate();
        }
        document.require(step, caller);
        return new Step(document, caller);
    }

    private ImprovementAction save(Step step, String action) {
        var saved = fields.save(step.document());
        audit.record(action, "ImprovementAction", saved.number(), Map.of("status", saved.status().name()));
        return saved.view(step.caller());
    }

    /** The caller's relation to actions, with one directory call. */
    private ImprovementCaller caller(Actor actor) {
        Optional<Person> me = actor.employeeId() == null ? Optional.empty()
                : directory.personByEmployeeId(actor.employeeId());
        return ImprovementCaller.of(actor, me);
    }

    private Department department(UUID id) {
        try {
            return directory.department(id);
        } catch (OmbudException e) {
            throw OmbudException.badRequest("DEPARTMENT_NOT_FOUND", "departmentId", "No department with ID {0}", id);
        }
    }

    private static String link(UUID id) {
        return "improvements/" + id;
    }

    private static OmbudException notFound(UUID id) {
        return OmbudException.notFound("IMPROVEMENT_NOT_FOUND", "No improvement action {0} that you may see", id);
    }

    private static ImprovementAction present(ImprovementAction view, Actor actor) {
        return PersonalData.hiddenFrom(actor) ? PersonalData.maskTexts(view) : view;
    }
}
