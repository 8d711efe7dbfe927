package app.ombud.review;

import app.ombud.directory.DirectoryService;
import app.ombud.directory.Person;
import app.ombud.platform.Actor;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.Idempotency;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.OmbudException;
import app.ombud.platform.Role;
import app.ombud.platform.Sequences;
import app.ombud.platform.StaffOnly;
import app.ombud.platform.TextInput.Kind;
import app.ombud.platform.TextInput;
import app.ombud.policy.PolicyContent;
import app.ombud.policy.PolicyService;
import app.ombud.policy.PolicyVersion;
import app.ombud.policy.RouteResult;
import app.ombud.policy.RoutingRule;
import app.ombud.review.internal.ReviewCaller;
import app.ombud.review.internal.ReviewCallers;
import app.ombud.review.internal.ReviewDocument;
import app.ombud.review.internal.ReviewNotices;
import app.ombud.review.internal.ReviewStore;
import app.ombud.review.internal.WorkOrderRules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The work order (SPEC §5): the employee submits it (or completes and resubmits it, or withdraws
 * it), the team lead checks it within the policy's hours and forwards it to the review team or
 * returns it; the review team registers complaints transferred in from a partner line.
 */
@Service
public class WorkOrders {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final ReviewStore store;
    private final ReviewCallers callers;
    private final ReviewNotices notices;
    private final PolicyService policy;
    private final DirectoryService directory;
    private final Sequences sequences;
    private final Idempotency idempotency;
    private final Clock clock;

    WorkOrders(ReviewStore store, ReviewCallers callers, ReviewNotices notices, PolicyService policy,
            DirectoryService directory, Sequences sequences, Idempotency idempotency, Clock clock) {
        this.store = store;
        this.callers = callers;
        this.notices = notices;
        this.policy = policy;
        this.directory = directory;
        this.sequences = sequences;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /**
     * The employee who took the complaint submits the work order. The submitter is the caller
     * (team leads and admins may name another employee); complaints from out-of-scope source
     * lines are refused with the reason.
     */
    @StaffOnly
    public Review submit(WorkOrder input) {
        return submit(input, IdempotencyKey.NONE);
    }

    /** Submits a work order once per key: a repeat with the same key returns the first review. */
    @StaffOnly
    public Review submit(WorkOrder input, IdempotencyKey key) {
        CurrentActor.requirePerson();
        return idempotency.once("review.submit", key, input, id -> submit(id, input), this::created);
    }

    private Review submit(UUID id, WorkOrder input) {
        submitterText(input);
        Actor actor = CurrentActor.required();
        Instant now = clock.instant();
        PolicyContent content = policy.current().content();
        String submitter = submitter(input, actor);
        WorkOrder order = WorkOrderRules.validate(input, submitter, now);
        checkScope(order, content);
        Person person = activePerson(submitter, "submitterEmployeeId");
        String number = nextNumber(now);
        var document = ReviewDocument.submit(id, number, order, person.teamId(), accusedTeam(order),
                now.plus(Duration.ofHours(content.reviewWindows().teamLeadCheckHours())), actor, now);
        store.insert(document, "review.submitted", Map.of("accused", order.accusedEmployeeId(),
                "source", order.source()));
        notices.tellEach(document.id(), "check-%s", notices.teamLeads(person.teamId()), "review.notice.check",
                List.of(number, order.accusedEmployeeId()));
        return ReviewStore.present(document.view(), actor);
    }

    /** The employee completes a returned work order and submits it again. */
    @StaffOnly
    public Review resubmit(UUID id, WorkOrder input, Long expectedVersion) {
        ReviewCaller caller = callers.person();
        Instant now = clock.instant();
        submitterText(input);
        WorkOrder checked = WorkOrderRules.validate(input, null, now);
        var document = store.forStep(id, expectedVersion, ReviewStep.RESUBMIT, caller);
        PolicyContent content = policy.current().content();
        WorkOrder order = checked.withSubmitter(document.workOrder().submitterEmployeeId());
        checkScope(order, content);
        Person person = activePerson(order.submitterEmployeeId(), "submitterEmployeeId");
        document.resubmit(order, person.teamId(), accusedTeam(order),
                now.plus(Duration.ofHours(content.reviewWindows().teamLeadCheckHours())), caller.actor(), now);
        var saved = store.save(document, "review.resubmitted");
        notices.tellEach(id, "check-%s-" + saved.version(), notices.teamLeads(person.teamId()), "review.notice.check",
                List.of(saved.number(), order.accusedEmployeeId()));
        return ReviewStore.present(saved, caller.actor());
    }

    /** Withdraws a work order that was not judged: the submitter, their team lead, or an admin. */
    @StaffOnly
    public Review withdraw(UUID id, String reason, Long expectedVersion) {
        ReviewCaller caller = callers.person();
        String why = TextInput.required(reason, "reason", Kind.NOTE);
        var document = store.forStep(id, expectedVersion, ReviewStep.WITHDRAW, caller);
        document.withdraw(why, caller.actor(), clock.instant());
        return store.save(document, "review.withdrawn", caller);
    }

    /**
     * The team lead forwards a complete work order to the review team (again, after the review
     * team returned it): the handover is recorded, the review is routed by the accused employee
     * ID, and the customer's reply falls due within the policy's hours.
     */
    @PreAuthorize("hasAnyRole('TEAM_LEAD','ADMIN')")
    public Review forward(UUID id, String note, Long expectedVersion) {
        ReviewCaller caller = callers.person();
        String handover = TextInput.optional(note, "note", Kind.NOTE);
        var document = store.forStep(id, expectedVersion, ReviewStep.FORWARD, caller);
        Actor actor = caller.actor();
        Instant now = clock.instant();
        PolicyVersion current = policy.current();
        document.forward(handover, route(document.workOrder(), current, actor, now),
                now.plus(Duration.ofHours(current.content().reviewWindows().customerReplyHours())), actor, now);
        notices.queuePhoneTask(document, current.content().templates());
        var saved = store.save(document, "review.forwarded");
        notices.tellEach(id, "forwarded-%s-" + saved.version(), notices.withRole(Role.REVIEWER),
                "review.notice.forwarded", List.of(saved.number()));
        return ReviewStore.present(saved, actor);
    }

    /** The team lead returns an incomplete work order to the employee, saying what is missing. */
    @PreAuthorize("hasAnyRole('TEAM_LEAD','ADMIN')")
    public Review returnToEmployee(UUID id, String note, Long expectedVersion) {
        ReviewCaller caller = callers.person();
        String missing = TextInput.required(note, "note", Kind.NOTE);
        var document = store.forStep(id, expectedVersion, ReviewStep.RETURN_TO_EMPLOYEE, caller);
        document.returnToEmployee(missing, caller.actor(), clock.instant());
        var saved = store.save(document, "review.returned-to-employee");
        notices.tell(id, "returned-" + saved.version(), saved.workOrder().submitterEmployeeId(),
                "review.notice.returned", List.of(saved.number()));
        return ReviewStore.present(saved, caller.actor());
    }

    /**
     * Registers one complaint transferred in from a partner line about a front-desk employee; it
     * starts with the review team, routed to the front desk.
     */
    @PreAuthorize("hasAnyRole('REVIEWER','WHITELIST_OWNER')")
    public Review registerTransfer(WorkOrder input, String fromLine) {
        return registerTransfer(input, fromLine, IdempotencyKey.NONE);
    }

    /** Registers a transfer once per key: a repeat with the same key returns the first review. */
    @PreAuthorize("hasAnyRole('REVIEWER','WHITELIST_OWNER')")
    public Review registerTransfer(WorkOrder input, String fromLine, IdempotencyKey key) {
        CurrentActor.requirePerson();
        return idempotency.once("review.transfer-in", key, Arrays.asList(input, fromLine),
                id -> registerTransfer(id, input, fromLine), this::created);
    }

    private Review registerTransfer(UUID id, WorkOrder input, String fromLine) {
        String line = TextInput.required(fromLine, "fromLine", Kind.CODE);
        submitterText(input);
        Actor actor = CurrentActor.required();
        Instant now = clock.instant();
        String submitter = input == null || input.submitterEmployeeId() == null
                || input.submitterEmployeeId().isBlank() ? actor.key() : input.submitterEmployeeId().strip();
        WorkOrder order = WorkOrderRules.validate(input, submitter, now);
        PolicyVersion current = policy.current();
        PolicyContent content = current.content();
        boolean partnerLine = content.routing().rules().stream()
                .anyMatch(r -> r.group().equals(line) && r.mode() == RoutingRule.HandlingMode.NOTIFY_BY_CALL);
        if (!partnerLine) {
            throw OmbudException.badRequest("REVIEW_TRANSFER_LINE_INVALID", "fromLine",
                    "{0} is not a line that transfers complaints in (a notified routing group)", line);
        }
        checkScope(order, content);
        ReviewRoute route = route(order, current, actor, now);
        if (route == null || route.notifyByCall()) {
            throw OmbudException.badRequest("REVIEW_TRANSFER_NOT_FRONT_DESK", "accusedEmployeeId",
                    "Transfers in are about front-desk staff; {0} is not", order.accusedEmployeeId());
        }
        String number = nextNumber(now);
        var document = ReviewDocument.transferIn(id, number, order, line, accusedTeam(order), route,
                now.plus(Duration.ofHours(content.reviewWindows().customerReplyHours())), actor, now);
        store.insert(document, "review.transferred-in", Map.of("from", line, "accused", order.accusedEmployeeId()));
        return ReviewStore.present(document.view(), actor);
    }

    /** A review just created under this ID, as its creator sees it (for a repeated request). */
    private Optional<Review> created(UUID id) {
        return Optional.ofNullable(store.find(id))
                .map(document -> ReviewStore.present(document.view(), CurrentActor.required()));
    }

    private String submitter(WorkOrder input, Actor actor) {
        String named = input == null || input.submitterEmployeeId() == null ? null
                : input.submitterEmployeeId().strip();
        if (named == null || named.isEmpty()) {
            if (actor.employeeId() == null) {
                throw OmbudException.badRequest("REQUIRED", "submitterEmployeeId", "{0} is required",
                        "submitterEmployeeId");
            }
            return actor.employeeId();
        }
        if (!named.equals(actor.employeeId()) && !actor.hasAny(Role.TEAM_LEAD, Role.ADMIN)) {
            throw OmbudException.forbidden("REVIEW_SUBMITTER_NOT_YOU",
                    "You submit work orders in your own name ({0})", String.valueOf(actor.employeeId()));
        }
        return named;
    }

    private static void checkScope(WorkOrder order, PolicyContent content) {
        if (content.reviewWindows().outOfScope(order.source())) {
            throw OmbudException.badRequest("REVIEW_SOURCE_OUT_OF_SCOPE", "source",
                    "Complaints from {0} are out of scope of internal reviews (policy)", order.source());
        }
    }

    /** The route by the accused employee ID under the policy's routing rules, or null when none matches. */
    private static ReviewRoute route(WorkOrder order, PolicyVersion current, Actor actor, Instant now) {
        RouteResult result = current.content().routing().route(order.accusedEmployeeId(), current.number());
        if (!result.routed()) {
            return null;
        }
        RoutingRule rule = result.rule();
        return new ReviewRoute(rule.group(), rule.name(), rule.mode(), rule.notifyNumber(), result.matchedPrefix(),
                false, current.number(), actor.subject(), now);
    }

    private UUID accusedTeam(WorkOrder order) {
        return CurrentActor.runAsSystem(() -> directory.personByEmployeeId(order.accusedEmployeeId())
                .map(Person::teamId).orElse(null));
    }

    private Person activePerson(String employeeId, String field) {
        return directory.personByEmployeeId(employeeId).filter(Person::active).orElseThrow(() ->
                OmbudException.badRequest("PERSON_NOT_FOUND", field, "No active person {0}", employeeId));
    }

    /** The submitter's employee ID of a work order, as a text, before anything else is looked at. */
    private static void submitterText(WorkOrder input) {
        if (input != null) {
            TextInput.optional(input.submitterEmployeeId(), "submitterEmployeeId", Kind.EMPLOYEE_ID);
        }
    }

    private String nextNumber(Instant now) {
        String day = DAY.format(now.atZone(policy.calendar().zone()));
        return "BM-%s-%04d".formatted(day, sequences.next("review-" + day));
    }
}
