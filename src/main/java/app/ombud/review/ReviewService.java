package app.ombud.review;

import app.ombud.directory.DirectoryService;
import app.ombud.directory.Person;
import app.ombud.directory.PersonFilter;
import app.ombud.directory.Team;
import app.ombud.notification.Channel;
import app.ombud.notification.NotificationService;
import app.ombud.notification.OutboxMessage;
import app.ombud.panel.Choice;
import app.ombud.panel.DecidedBy;
import app.ombud.panel.Panel;
import app.ombud.panel.PanelDecided;
import app.ombud.panel.PanelRequest;
import app.ombud.panel.PanelService;
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
import app.ombud.policy.JudgmentType;
import app.ombud.policy.PolicyContent;
import app.ombud.policy.PolicyService;
import app.ombud.policy.PolicyVersion;
import app.ombud.policy.RouteResult;
import app.ombud.policy.RoutingRule;
import app.ombud.review.internal.EarlyWarningDocument;
import app.ombud.review.internal.ReviewDocument;
import app.ombud.review.internal.WarningTopic;
import app.ombud.review.internal.WorkOrderRules;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Internal service-quality reviews, the "whitelist" (SPEC §5): the employee's work order, the
 * team lead's check within the policy's hours, routing by the accused employee ID, verification or
 * notification of the other side, the verdict against the policy's criteria, the appeal with the
 * owner's re-judgment and a panel, the phone reply to the customer with its follow-up and SMS, the
 * case library and early warnings. Every step is one atomic update of the review with its timeline;
 * who may take which step is decided here, for the API and the portal alike.
 */
@Service
public class ReviewService {

    /** The subject type panels are formed with for reviews. */
    public static final String PANEL_SUBJECT = "Review";

    /** How long ago a call or an answer recorded on a review may have been. */
    public static final Duration MAX_EVENT_AGE = Duration.ofDays(30);

    private static final Logger log = LoggerFactory.getLogger(ReviewService.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final Pattern POSITION = Pattern.compile("([0-9]{1,2}:)?[0-5]?[0-9]:[0-5][0-9]");
    private static final Set<Role> REVIEW_TEAM = EnumSet.of(Role.REVIEWER, Role.WHITELIST_OWNER);
    private static final Set<Role> OVERSIGHT = EnumSet.of(Role.REVIEWER, Role.WHITELIST_OWNER, Role.SITE_MANAGER,
            Role.LEADERSHIP, Role.ADMIN);
    private static final int BATCH = 200;

    private final MongoTemplate mongo;
    private final PolicyService policy;
    private final DirectoryService directory;
    private final PanelService panels;
    private final NotificationService notifications;
    private final Sequences sequences;
    private final AuditTrail audit;
    private final Clock clock;
    private final Idempotency idempotency;

    ReviewService(MongoTemplate mongo, PolicyService policy, DirectoryService directory, PanelService panels,
            NotificationService notifications, Sequences sequences, AuditTrail audit, Clock clock,
            Idempotency idempotency) {
        this.mongo = mongo;
        this.idempotency = idempotency;
        this.policy = policy;
        this.directory = directory;
        this.panels = panels;
        this.notifications = notifications;
        this.sequences = sequences;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- the employee and the team lead --------------------------------------------------

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
        mongo.insert(document);
        audit.record("review.submitted", "Review", number, Map.of("accused", order.accusedEmployeeId(),
                "source", order.source()));
        for (String lead : teamLeads(person.teamId())) {
            notifications.notify(noticeId(document.id(), "check-" + lead), lead, "review.notice.check",
                    List.of(number, order.accusedEmployeeId()), link(document.id()));
        }
        return present(document.view(), actor);
    }

    /** The employee completes a returned work order and submits it again. */
    @StaffOnly
    public Review resubmit(UUID id, WorkOrder input, Long expectedVersion) {
        CurrentActor.requirePerson();
        Instant now = clock.instant();
        submitterText(input);
        WorkOrder checked = WorkOrderRules.validate(input, null, now);
        var document = visible(id, expectedVersion);
        Actor actor = CurrentActor.required();
        requireSubmitterOrLead(document, actor);
        PolicyContent content = policy.current().content();
        WorkOrder order = checked.withSubmitter(document.workOrder().submitterEmployeeId());
        checkScope(order, content);
        Person person = activePerson(order.submitterEmployeeId(), "submitterEmployeeId");
        document.resubmit(order, person.teamId(), accusedTeam(order),
                now.plus(Duration.ofHours(content.reviewWindows().teamLeadCheckHours())), actor, now);
        var saved = save(document, "review.resubmitted");
        for (String lead : teamLeads(person.teamId())) {
            notifications.notify(noticeId(id, "check-" + lead + "-" + saved.version()), lead, "review.notice.check",
                    List.of(saved.number(), order.accusedEmployeeId()), link(id));
        }
        return present(saved, actor);
    }

    /** Withdraws a work order that was not judged: the submitter, their team lead, or an admin. */
    @StaffOnly
    public Review withdraw(UUID id, String reason, Long expectedVersion) {
        CurrentActor.requirePerson();
        String why = TextInput.required(reason, "reason", Kind.NOTE);
        var document = visible(id, expectedVersion);
        Actor actor = CurrentActor.required();
        requireSubmitterOrLead(document, actor);
        document.withdraw(why, actor, clock.instant());
        return present(save(document, "review.withdrawn"), actor);
    }

    /**
     * The team lead forwards a complete work order to the review team (again, after the review
     * team returned it): the handover is recorded, the review is routed by the accused employee
     * ID, and the customer's reply falls due within the policy's hours.
     */
    @PreAuthorize("hasAnyRole('TEAM_LEAD','ADMIN')")
    public Review forward(UUID id, String note, Long expectedVersion) {
        CurrentActor.requirePerson();
        String handover = TextInput.optional(note, "note", Kind.NOTE);
        var document = visible(id, expectedVersion);
        Actor actor = CurrentActor.required();
        requireTeamLead(document, actor);
        Instant now = clock.instant();
        PolicyVersion current = policy.current();
        document.forward(handover, route(document.workOrder(), current, actor,
                now), now.plus(Duration.ofHours(current.content().reviewWindows().customerReplyHours())), actor, now);
        queuePhoneTask(document);
        var saved = save(document, "review.forwarded");
        for (String reviewer : CurrentActor.runAsSystem(() -> directory.activeEmployeeIdsWithRole(Role.REVIEWER))) {
            notifications.notify(noticeId(id, "forwarded-" + reviewer + "-" + saved.version()), reviewer,
                    "review.notice.forwarded", List.of(saved.number()), link(id));
        }
        return present(saved, actor);
    }

    /** The team lead returns an incomplete work order to the employee, saying what is missing. */
    @PreAuthorize("hasAnyRole('TEAM_LEAD','ADMIN')")
    public Review returnToEmployee(UUID id, String note, Long expectedVersion) {
        CurrentActor.requirePerson();
        String missing = TextInput.required(note, "note", Kind.NOTE);
        var document = visible(id, expectedVersion);
        Actor actor = CurrentActor.required();
        requireTeamLead(document, actor);
        document.returnToEmployee(missing, actor, clock.instant());
        var saved = save(document, "review.returned-to-employee");
        String submitter = saved.workOrder().submitterEmployeeId();
        notifications.notify(noticeId(id, "returned-" + saved.version()), submitter, "review.notice.returned",
                List.of(saved.number()), link(id));
        return present(saved, actor);
    }

    // ---- the review team ----------------------------------------------------------------

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
        return idempotency.once("review.transfer-in", key, java.util.Arrays.asList(input, fromLine),
                id -> registerTransfer(id, input, fromLine), this::created);
    }

    private Review registerTransfer(UUID id, WorkOrder input, String fromLine) {
        String line = TextInput.required(fromLine, "fromLine", Kind.CODE);
        submitterText(input);
        Actor actor = CurrentActor.required();
        Instant now = clock.instant();
        String submitter = input == null || input.submitterEmployeeId() == null
                || input.submitterEmployeeId().isBlank() ? me(actor) : input.submitterEmployeeId().strip();
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
        mongo.insert(document);
        audit.record("review.transferred-in", "Review", number, Map.of("from", line,
                "accused", order.accusedEmployeeId()));
        return present(document.view(), actor);
    }

    /** A reviewer takes the review on; phone tasks and reminders then go to them. */
    @PreAuthorize("hasAnyRole('REVIEWER','WHITELIST_OWNER')")
    public Review take(UUID id, Long expectedVersion) {
        var document = reviewable(id, expectedVersion);
        Actor actor = CurrentActor.required();
        document.take(actor, clock.instant());
        queuePhoneTask(document);
        return present(save(document, "review.taken"), actor);
    }

    /**
     * The review team returns the work order to the team lead: the employee gave no explanation
     * (which of calming, apology and explanation, guidance was missing), or it is out of scope.
     */
    @PreAuthorize("hasAnyRole('REVIEWER','WHITELIST_OWNER')")
    public Review returnToLead(UUID id, ReturnReason reason, Set<ExplanationGap> gaps, String note,
            Long expectedVersion) {
        CurrentActor.requirePerson();
        String text = reason == ReturnReason.OUT_OF_SCOPE ? TextInput.required(note, "note", Kind.NOTE)
                : TextInput.optional(note, "note", Kind.NOTE);
        var document = reviewable(id, expectedVersion);
        Actor actor = CurrentActor.required();
        if (reason == null) {
            throw OmbudException.badRequest("REQUIRED", "reason", "{0} is required", "reason");
        }
        Set<ExplanationGap> missing = gaps == null ? Set.of() : Set.copyOf(gaps);
        if (reason == ReturnReason.NO_EXPLANATION && missing.isEmpty()) {
            throw OmbudException.badRequest("REVIEW_GAPS_REQUIRED", "gaps",
                    "Say what the employee did not do: calm, apologise and explain, or guide");
        }
        if (reason == ReturnReason.OUT_OF_SCOPE && !missing.isEmpty()) {
            throw OmbudException.badRequest("REVIEW_GAPS_ONLY_FOR_NO_EXPLANATION", "gaps",
                    "Gaps go with the reason NO_EXPLANATION only");
        }
        Instant now = clock.instant();
        document.returnToLead(new ReviewReturn(ReviewReturn.To.TEAM_LEAD, reason, missing, text, actor.subject(),
                actor.name(), now), actor, now);
        var saved = save(document, "review.returned-to-lead");
        for (String lead : teamLeads(document.submitterTeamId())) {
            notifications.notify(noticeId(id, "back-" + lead + "-" + saved.version()), lead,
                    "review.notice.returned-to-lead", List.of(saved.number(), reason.name()), link(id));
        }
        return present(saved, actor);
    }

    /** Routes by hand to one of the policy's groups (no rule matched the accused, or a correction). */
    @PreAuthorize("hasAnyRole('REVIEWER','WHITELIST_OWNER')")
    public Review routeManually(UUID id, String group, Long expectedVersion) {
        CurrentActor.requirePerson();
        String wanted = TextInput.required(group, "group", Kind.CODE);
        var document = reviewable(id, expectedVersion);
        Actor actor = CurrentActor.required();
        PolicyVersion current = policy.current();
        RoutingRule rule = current.content().routing().rules().stream().filter(r -> r.group().equals(wanted))
                .findFirst().orElseThrow(() -> OmbudException.badRequest("ROUTING_GROUP_UNKNOWN", "group",
                        "No routing group {0} in the policy", wanted));
        Instant now = clock.instant();
        document.routeManually(new ReviewRoute(rule.group(), rule.name(), rule.mode(), rule.notifyNumber(), null, true,
                current.number(), actor.subject(), now), actor, now);
        queuePhoneTask(document);
        return present(save(document, "review.routed"), actor);
    }

    /** Front desk: what the call recording shows. */
    @PreAuthorize("hasAnyRole('REVIEWER','WHITELIST_OWNER')")
    public Review recordVerification(UUID id, String finding, String recordingRef, Long expectedVersion) {
        CurrentActor.requirePerson();
        String found = TextInput.required(finding, "finding", Kind.TEXT);
        String recording = TextInput.optional(recordingRef, "recordingRef", Kind.LINE);
        var document = reviewable(id, expectedVersion);
        Actor actor = CurrentActor.required();
        Instant now = clock.instant();
        document.recordVerification(new Verification(found, recording, actor.subject(), actor.name(), now), actor,
                now);
        return present(save(document, "review.verified"), actor);
    }

    /** Back office and partner lines: the recorded call to the configured number and the lead reached. */
    @PreAuthorize("hasAnyRole('REVIEWER','WHITELIST_OWNER')")
    public Review recordSideNotice(UUID id, Instant calledAt, String leadName, String note, Long expectedVersion) {
        CurrentActor.requirePerson();
        String lead = TextInput.required(leadName, "leadName", Kind.NAME);
        String text = TextInput.optional(note, "note", Kind.NOTE);
        var document = reviewable(id, expectedVersion);
        Actor actor = CurrentActor.required();
        Instant now = clock.instant();
        document.recordSideNotice(past(calledAt, "calledAt", now), lead, text, actor, now);
        return present(save(document, "review.side-notified"), actor);
    }

    /** That side's answer, which ends the tracking. */
    @PreAuthorize("hasAnyRole('REVIEWER','WHITELIST_OWNER')")
    public Review recordSideAnswer(UUID id, String answer, Instant answeredAt, Long expectedVersion) {
        CurrentActor.requirePerson();
        String text = TextInput.required(answer, "answer", Kind.TEXT);
        var document = reviewable(id, expectedVersion);
        Actor actor = CurrentActor.required();
        Instant now = clock.instant();
        document.recordSideAnswer(text, past(answeredAt, "answeredAt", now), actor, now);
        return present(save(document, "review.side-answered"), actor);
    }

    /**
     * Judges the review: type, the criteria of that type in the policy that apply (at least one
     * when upheld), upheld or not, the basis (required), the topic. Nobody judges a complaint about
     * themselves. An upheld verdict may be appealed for the policy's days and counts towards early
     * warnings on its topic.
     */
    @PreAuthorize("hasAnyRole('REVIEWER','WHITELIST_OWNER')")
    public Review judge(UUID id, Judgment judgment, Long expectedVersion) {
        CurrentActor.requirePerson();
        String basis = TextInput.required(judgment == null ? null : judgment.basis(), "basis", Kind.TEXT);
        String givenTopic = TextInput.optional(judgment.topic(), "topic", Kind.NAME);
        String knowledgeRef = TextInput.optional(judgment.knowledgeRef(), "knowledgeRef", Kind.LINE);
        List<String> codes = judgment.criteria() == null ? List.of() : judgment.criteria().stream()
                .map(c -> TextInput.optional(c, "criteria", Kind.CODE)).toList();
        var document = reviewable(id, expectedVersion);
        Actor actor = CurrentActor.required();
        if (me(actor).equals(document.workOrder().accusedEmployeeId())) {
            throw accusedJudge();
        }
        if (judgment == null || judgment.type() == null) {
            throw OmbudException.badRequest("REQUIRED", "type", "{0} is required", "type");
        }
        PolicyVersion current = policy.current();
        List<String> criteria = criteria(judgment.type(), codes, judgment.upheld(), current.content());
        String topic = TextInput.required(givenTopic == null ? document.workOrder().topic() : givenTopic, "topic",
                Kind.NAME);
        Instant now = clock.instant();
        var verdict = new Verdict(judgment.type(), criteria, judgment.upheld(), basis, knowledgeRef, topic,
                actor.subject(), actor.name(), now, current.number());
        document.judge(verdict, now.plus(Duration.ofDays(current.content().reviewWindows().appealDays())), actor,
                now);
        var saved = save(document, judgment.upheld() ? "review.judged-upheld" : "review.judged-not-upheld");
        String accused = saved.workOrder().accusedEmployeeId();
        notifications.notify(noticeId(id, "judged"), accused, "review.notice.judged", List.of(saved.number()),
                link(id));
        if (judgment.upheld()) {
            checkEarlyWarning(id);
        }
        return present(mongo.findById(id, ReviewDocument.class).view(), actor);
    }

    /**
     * Why the caller cannot judge the review now — not on the review team, the accused, its status,
     * not routed, not verified, the other side not answered — or empty when they can.
     */
    @PreAuthorize("isAuthenticated()")
    public Optional<OmbudException> judgeRefusal(UUID id) {
        return judgeRefusal(visible(id, null), CurrentActor.required());
    }

    private Optional<OmbudException> judgeRefusal(ReviewDocument document, Actor actor) {
        if (!isReviewTeam(actor)) {
            return Optional.of(OmbudException.forbidden("REVIEW_TEAM_ONLY", "Only the review team works on review {0}",
                    document.number()));
        }
        if (me(actor).equals(document.workOrder().accusedEmployeeId())) {
            return Optional.of(accusedJudge());
        }
        return document.judgeRefusal();
    }

    private static OmbudException accusedJudge() {
        return OmbudException.forbidden("JUDGE_IS_ACCUSED", "Nobody judges a complaint about themselves");
    }

    // ---- appeal -------------------------------------------------------------------------

    /**
     * The accused employee or their team lead objects to an upheld verdict within the policy's
     * days, citing points in the recording; the whitelist owner re-judges.
     */
    @StaffOnly
    public Review appeal(UUID id, List<AppealPoint> points, Long expectedVersion) {
        CurrentActor.requirePerson();
        List<AppealPoint> cited = points(points);
        var document = visible(id, expectedVersion);
        Actor actor = CurrentActor.required();
        AppellantRole role = appellantRole(document, actor).orElseThrow(() -> OmbudException.forbidden(
                "APPEAL_NOT_ALLOWED", "Only the accused employee or their team lead may appeal review {0}",
                document.number()));
        document.fileAppeal(role, cited, actor, clock.instant());
        var saved = save(document, "review.appealed");
        for (String owner : CurrentActor.runAsSystem(() -> directory.activeEmployeeIdsWithRole(Role.WHITELIST_OWNER))) {
            notifications.notify(noticeId(id, "appealed-" + owner), owner, "review.notice.appealed",
                    List.of(saved.number()), link(id));
        }
        return present(saved, actor);
    }

    /**
     * The whitelist owner re-judges an appealed verdict: overturn (final) or keep (a panel is
     * formed). Neither the accused nor the original judge re-judges.
     */
    @PreAuthorize("hasRole('WHITELIST_OWNER')")
    public Review rejudge(UUID id, boolean keep, String reason, Long expectedVersion) {
        CurrentActor.requirePerson();
        String why = TextInput.required(reason, "reason", Kind.TEXT);
        var document = visible(id, expectedVersion);
        Actor actor = CurrentActor.required();
        if (me(actor).equals(document.workOrder().accusedEmployeeId())) {
            throw accusedJudge();
        }
        if (document.verdict() != null && actor.subject().equals(document.verdict().by())) {
            throw OmbudException.forbidden("REJUDGE_BY_ORIGINAL_JUDGE",
                    "The appeal of review {0} is re-judged by another person than its judge", document.number());
        }
        document.rejudge(keep, why, actor, clock.instant());
        var saved = save(document, keep ? "review.rejudged-kept" : "review.rejudged-overturned");
        tellParties(saved, keep ? "review.notice.panel-forming" : "review.notice.overturned");
        return present(saved, actor);
    }

    /**
     * One side names its three panel members: the employee side by the appellant (or the accused
     * or their team lead), the review side by a whitelist owner. The accused and the original judges
     * cannot sit. When both sides have named theirs, the panel is formed and votes.
     */
    @StaffOnly
    public Review namePanelSide(UUID id, app.ombud.panel.PanelSide side, List<String> members, Long expectedVersion) {
        CurrentActor.requirePerson();
        if (members != null) {
            members.forEach(m -> TextInput.optional(m, "members", Kind.EMPLOYEE_ID));
        }
        var document = visible(id, expectedVersion);
        Actor actor = CurrentActor.required();
        if (side == null) {
            throw OmbudException.badRequest("REQUIRED", "side", "{0} is required", "side");
        }
        boolean employeeSide = side == app.ombud.panel.PanelSide.EMPLOYEE;
        boolean allowed = employeeSide ? appellantRole(document, actor).isPresent()
                || (document.appeal() != null && actor.subject().equals(document.appeal().by()))
                : actor.has(Role.WHITELIST_OWNER);
        if (!allowed) {
            throw OmbudException.forbidden("PANEL_SIDE_NOT_YOURS",
                    "Only the appellant names the employee side, a whitelist owner the review side");
        }
        if (document.status() != ReviewStatus.PANEL_FORMING || document.appeal() == null) {
            throw OmbudException.conflict("REVIEW_TRANSITION_NOT_ALLOWED", "Review {0} is {1}; it cannot be {2} now",
                    document.number(), new OmbudException.Label("review.status." + document.status().name(),
                            document.status().name()), "named");
        }
        Appeal appeal = document.appeal();
        List<String> other = employeeSide ? appeal.reviewSide() : appeal.employeeSide();
        List<String> named = panels.checkSide(members, other, excluded(document), "members");
        boolean complete = document.nameSide(employeeSide, named, panelId(id), actor, clock.instant());
        var saved = save(document, employeeSide ? "review.employee-side-named" : "review.review-side-named");
        if (complete) {
            formPanel(id);
            return present(mongo.findById(id, ReviewDocument.class).view(), actor);
        }
        return present(saved, actor);
    }

    /** Applies a panel's final decision (the majority's, or the site manager's) to its review, once. */
    @EventListener
    public void onPanelDecided(PanelDecided decided) {
        if (!PANEL_SUBJECT.equals(decided.subjectType())) {
            return;
        }
        AppealDecider by = decided.decidedBy() == DecidedBy.SITE_MANAGER ? AppealDecider.SITE_MANAGER
                : AppealDecider.PANEL;
        for (int attempt = 0; attempt < 5; attempt++) {
            var document = mongo.findById(decided.subjectId(), ReviewDocument.class);
            if (document == null) {
                log.warn("Panel {} decided on review {}, which does not exist", decided.panelNumber(),
                        decided.subjectNumber());
                return;
            }
            if (!document.applyPanelDecision(decided.panelId(), decided.panelNumber(), decided.decision(), by,
                    Actor.SYSTEM, clock.instant())) {
                return;
            }
            try {
                var saved = mongo.save(document);
                audit.record(Actor.SYSTEM, "review.appeal-decided", "Review", saved.number(),
                        Map.of("panel", decided.panelNumber(), "decision", decided.decision().name(),
                                "by", by.name()));
                tellParties(saved.view(), decided.decision() == Choice.UPHOLD ? "review.notice.kept"
                        : "review.notice.overturned");
                return;
            } catch (OptimisticLockingFailureException e) {
                // changed meanwhile (e.g. a reply attempt): read again and apply on the new version
            }
        }
        throw OmbudException.conflict("CONCURRENT_UPDATE",
                "Someone else changed this record meanwhile; reload and try again");
    }

    // ---- the reply to the customer -------------------------------------------------------

    /**
     * A call to the customer (phone only). {@code sendSms} sends the verdict-free SMS for this
     * failed day. When the customer stays unreachable through the policy's follow-up days the SMS
     * goes anyway; the rendered text is checked again for verdict words before it is queued.
     */
    @PreAuthorize("hasAnyRole('REVIEWER','WHITELIST_OWNER')")
    public Review recordReplyAttempt(UUID id, Instant at, ReplyOutcome outcome, String note, boolean sendSms,
            Long expectedVersion) {
        CurrentActor.requirePerson();
        String text = TextInput.optional(note, "note", Kind.NOTE);
        var document = reviewable(id, expectedVersion);
        Actor actor = CurrentActor.required();
        if (outcome == null) {
            throw OmbudException.badRequest("REQUIRED", "outcome", "{0} is required", "outcome");
        }
        Instant now = clock.instant();
        Instant when = past(at, "at", now);
        PolicyContent content = policy.current().content();
        ZoneId zone = content.calendar().zone();
        LocalDate day = LocalDate.ofInstant(when, zone);
        OutboxMessage daySms = sendSms ? replySms(document, content, "day-" + day, day) : null;
        document.recordAttempt(new ReplyAttempt(when, outcome, text, null,
                null, false), content.reviewWindows().followUpDays(), zone, daySms,
                replySms(document, content, "unreachable", day), actor, now);
        return present(save(document, "review.reply-" + outcome.name().toLowerCase(Locale.ROOT)), actor);
    }

    /** A long-term or unreasonable complainant: reported at once to the whitelist owners and site managers. */
    @PreAuthorize("hasAnyRole('REVIEWER','WHITELIST_OWNER')")
    public Review reportSpecialComplainant(UUID id, SpecialComplainant.Kind kind, String report,
            Long expectedVersion) {
        CurrentActor.requirePerson();
        String text = TextInput.required(report, "report", Kind.TEXT);
        var document = reviewable(id, expectedVersion);
        Actor actor = CurrentActor.required();
        if (kind == null) {
            throw OmbudException.badRequest("REQUIRED", "kind", "{0} is required", "kind");
        }
        document.reportSpecial(kind, text, actor, clock.instant());
        var saved = save(document, "review.special-reported");
        Set<String> deciders = new LinkedHashSet<>();
        CurrentActor.runAsSystem(() -> {
            deciders.addAll(directory.activeEmployeeIdsWithRole(Role.WHITELIST_OWNER));
            deciders.addAll(directory.activeEmployeeIdsWithRole(Role.SITE_MANAGER));
            return null;
        });
        for (String person : deciders) {
            notifications.notify(noticeId(id, "special-" + person), person, "review.notice.special",
                    List.of(saved.number(), kind.name()), link(id));
        }
        return present(saved, actor);
    }

    /** The decision on a reported special complainant, by a whitelist owner or the site manager. */
    @PreAuthorize("hasAnyRole('WHITELIST_OWNER','SITE_MANAGER')")
    public Review decideSpecialHandling(UUID id, String decision, Long expectedVersion) {
        CurrentActor.requirePerson();
        String text = TextInput.required(decision, "decision", Kind.TEXT);
        var document = visible(id, expectedVersion);
        Actor actor = CurrentActor.required();
        document.decideSpecial(text, actor, clock.instant());
        return present(save(document, "review.special-decided"), actor);
    }

    /** A direct-explanation case: the script agents use when this customer calls. */
    @PreAuthorize("hasAnyRole('REVIEWER','WHITELIST_OWNER')")
    public Review explainDirectly(UUID id, String script, Long expectedVersion) {
        CurrentActor.requirePerson();
        String text = TextInput.required(script, "script", Kind.NOTE);
        var document = reviewable(id, expectedVersion);
        Actor actor = CurrentActor.required();
        document.explainDirectly(text, actor, clock.instant());
        return present(save(document, "review.direct-explanation"), actor);
    }

    /** Other: the matter is already a complaint ticket, or handed to another line. */
    @PreAuthorize("hasAnyRole('REVIEWER','WHITELIST_OWNER')")
    public Review replyOther(UUID id, OtherReply.Kind kind, String reference, Long expectedVersion) {
        CurrentActor.requirePerson();
        String text = TextInput.required(reference, "reference", Kind.LINE);
        var document = reviewable(id, expectedVersion);
        Actor actor = CurrentActor.required();
        if (kind == null) {
            throw OmbudException.badRequest("REQUIRED", "kind", "{0} is required", "kind");
        }
        document.replyOther(kind, text, actor, clock.instant());
        return present(save(document, "review.reply-other"), actor);
    }

    /** The explanation scripts for a caller's number: what agents say when this customer calls. */
    @PreAuthorize("hasAnyRole('AGENT','TEAM_LEAD','REVIEWER','WHITELIST_OWNER','SITE_MANAGER','ADMIN')")
    public List<ExplanationScript> explanationScripts(String phone) {
        String number = TextInput.required(phone, "phone", Kind.PHONE);
        Query query = Query.query(new Criteria().andOperator(Criteria.where("reply.status")
                .is(ReplyStatus.DIRECT_EXPLANATION), new Criteria().orOperator(
                Criteria.where("workOrder.callerNumber").is(number), Criteria.where("workOrder.contactNumber")
                        .is(number)))).with(Sort.by(Sort.Order.desc("reply.closedAt"))).limit(20);
        return mongo.find(query, ReviewDocument.class).stream().map(ReviewDocument::view)
                .map(r -> new ExplanationScript(r.number(), r.verdict() != null ? r.verdict().topic()
                        : r.workOrder().topic(), r.reply().explanationScript(), r.reply().closedAt())).toList();
    }

    // ---- case library and early warnings -------------------------------------------------

    @PreAuthorize("hasAnyRole('REVIEWER','WHITELIST_OWNER')")
    public Review addToLibrary(UUID id, List<String> tags, String lesson, Long expectedVersion) {
        CurrentActor.requirePerson();
        List<String> clean = tags == null ? List.of() : tags.stream()
                .map(t -> TextInput.optional(t, "tags", Kind.TAG)).filter(t -> t != null).distinct().toList();
        String text = TextInput.required(lesson, "lesson", Kind.TEXT);
        if (clean.size() > 10) {
            throw OmbudException.badRequest("VALUE_OUT_OF_RANGE", "tags", "{0} must be between {1} and {2}", "tags",
                    0, 10);
        }
        var document = reviewable(id, expectedVersion);
        Actor actor = CurrentActor.required();
        Instant now = clock.instant();
        document.addToLibrary(new LibraryEntry(clean, text, actor.subject(), actor.name(), now), actor, now);
        return present(save(document, "review.library-added"), actor);
    }

    @PreAuthorize("hasAnyRole('REVIEWER','WHITELIST_OWNER')")
    public Review removeFromLibrary(UUID id, Long expectedVersion) {
        var document = reviewable(id, expectedVersion);
        Actor actor = CurrentActor.required();
        document.removeFromLibrary(actor, clock.instant());
        return present(save(document, "review.library-removed"), actor);
    }

    /**
     * The case library, newest first, for every employee: without the accused or the customer,
     * and with phone numbers, ID numbers and e-mail addresses masked in its texts.
     */
    @PreAuthorize("isAuthenticated()")
    public Window<LibraryCase> library(String text, String tag, ScrollPosition position, int size) {
        PersonalData.refuseFilter(CurrentActor.required(), "text", text);
        Query query = new Query(libraryCriteria(text, tag))
                .with(Sort.by(Sort.Order.desc("library.at"), Sort.Order.desc("id"))).limit(size);
        return mongo.scroll(query.with(position), ReviewDocument.class)
                .map(d -> PersonalData.maskTexts(libraryCase(d.view())));
    }

    @PreAuthorize("isAuthenticated()")
    public long countLibrary(String text, String tag) {
        PersonalData.refuseFilter(CurrentActor.required(), "text", text);
        return mongo.count(new Query(libraryCriteria(text, tag)), ReviewDocument.class);
    }

    /**
     * Whether the caller oversees internal reviews — the review team, whitelist owners, site
     * managers, leadership, admins: they read early warnings and open every review from the library.
     */
    @PreAuthorize("isAuthenticated()")
    public boolean oversees() {
        return CurrentActor.required().hasAny(OVERSIGHT.toArray(Role[]::new));
    }

    /** Early warnings raised, newest first; for those who oversee reviews. */
    @PreAuthorize("isAuthenticated()")
    public Window<EarlyWarning> earlyWarnings(ScrollPosition position, int size) {
        if (!oversees()) {
            throw OmbudException.forbidden("FORBIDDEN", "You are not allowed to do this");
        }
        Query query = new Query().with(Sort.by(Sort.Order.desc("raisedAt"), Sort.Order.desc("id"))).limit(size);
        return mongo.scroll(query.with(position), EarlyWarningDocument.class).map(EarlyWarningDocument::view);
    }

    // ---- reading ------------------------------------------------------------------------

    @PreAuthorize("isAuthenticated()")
    public Review get(UUID id) {
        return present(visible(id, null).view(), CurrentActor.required());
    }

    /** A review just created under this ID, as its creator sees it (for a repeated request). */
    private Optional<Review> created(UUID id) {
        return Optional.ofNullable(mongo.findById(id, ReviewDocument.class))
                .map(document -> present(document.view(), CurrentActor.required()));
    }

    /** A list of the portal or the API, narrowed by what the caller may see. */
    @PreAuthorize("isAuthenticated()")
    public Window<Review> search(ReviewQueue queue, ReviewFilter filter, ScrollPosition position, int size) {
        Actor actor = CurrentActor.required();
        ReviewQueue q = queue == null ? ReviewQueue.ALL : queue;
        PersonalData.refuseFilter(actor, "text", filter == null ? null : filter.text());
        Query query = new Query(criteria(q, filter == null ? ReviewFilter.ALL : filter, actor)).with(sort(q))
                .limit(size);
        return mongo.scroll(query.with(position), ReviewDocument.class).map(d -> present(d.view(), actor));
    }

    @PreAuthorize("isAuthenticated()")
    public long count(ReviewQueue queue, ReviewFilter filter) {
        Actor actor = CurrentActor.required();
        PersonalData.refuseFilter(actor, "text", filter == null ? null : filter.text());
        return mongo.count(new Query(criteria(queue == null ? ReviewQueue.ALL : queue,
                filter == null ? ReviewFilter.ALL : filter, actor)), ReviewDocument.class);
    }

    /** The steps the caller may take on the review now; the portal shows exactly these. */
    @PreAuthorize("isAuthenticated()")
    public Set<ReviewStep> allowedSteps(UUID id) {
        var document = visible(id, null);
        Actor actor = CurrentActor.required();
        Set<ReviewStep> steps = EnumSet.noneOf(ReviewStep.class);
        if (!actor.namesPerson()) {
            return steps;
        }
        ReviewStatus status = document.status();
        boolean submitterOrLead = isSubmitter(document, actor) || isTeamLead(document, actor);
        boolean team = isReviewTeam(actor);
        boolean lead = actor.has(Role.TEAM_LEAD) && isTeamLead(document, actor) || actor.has(Role.ADMIN);
        if (status == ReviewStatus.RETURNED_TO_EMPLOYEE && submitterOrLead) {
            steps.add(ReviewStep.RESUBMIT);
        }
        if (status.canMoveTo(ReviewStatus.WITHDRAWN) && submitterOrLead) {
            steps.add(ReviewStep.WITHDRAW);
        }
        if ((status == ReviewStatus.SUBMITTED || status == ReviewStatus.RETURNED_TO_LEAD) && lead) {
            steps.add(ReviewStep.FORWARD);
        }
        if (status == ReviewStatus.SUBMITTED && lead) {
            steps.add(ReviewStep.RETURN_TO_EMPLOYEE);
        }
        if (status == ReviewStatus.IN_REVIEW && team) {
            if (!me(actor).equals(document.assignee())) {
                steps.add(ReviewStep.TAKE);
            }
            steps.add(ReviewStep.RETURN_TO_LEAD);
            steps.add(ReviewStep.ROUTE);
            ReviewRoute route = document.route();
            if (route != null && !route.notifyByCall()) {
                steps.add(ReviewStep.VERIFY);
            }
            if (route != null && route.notifyByCall()) {
                steps.add(ReviewStep.RECORD_SIDE_NOTICE);
                if (document.sideNotice() != null) {
                    steps.add(ReviewStep.RECORD_SIDE_ANSWER);
                }
            }
            if (judgeRefusal(document, actor).isEmpty()) {
                steps.add(ReviewStep.JUDGE);
            }
        }
        if (status == ReviewStatus.JUDGED && appellantRole(document, actor).isPresent()) {
            steps.add(ReviewStep.APPEAL);
        }
        if (status == ReviewStatus.APPEALED && actor.has(Role.WHITELIST_OWNER)
                && !actor.subject().equals(document.verdict().by())
                && !me(actor).equals(document.workOrder().accusedEmployeeId())) {
            steps.add(ReviewStep.REJUDGE);
        }
        if (status == ReviewStatus.PANEL_FORMING) {
            Appeal appeal = document.appeal();
            if (appeal.employeeSide().isEmpty() && (appellantRole(document, actor).isPresent()
                    || actor.subject().equals(appeal.by()))) {
                steps.add(ReviewStep.NAME_EMPLOYEE_SIDE);
            }
            if (appeal.reviewSide().isEmpty() && actor.has(Role.WHITELIST_OWNER)) {
                steps.add(ReviewStep.NAME_REVIEW_SIDE);
            }
        }
        Reply reply = document.reply();
        if (reply != null && team) {
            if (reply.status().open()) {
                steps.addAll(EnumSet.of(ReviewStep.RECORD_REPLY_ATTEMPT, ReviewStep.REPORT_SPECIAL,
                        ReviewStep.EXPLAIN_DIRECTLY, ReviewStep.REPLY_OTHER));
            }
        }
        if (reply != null && reply.status() == ReplyStatus.SPECIAL_REPORTED
                && actor.hasAny(Role.WHITELIST_OWNER, Role.SITE_MANAGER)) {
            steps.add(ReviewStep.DECIDE_SPECIAL);
        }
        if (status.judged() && team) {
            steps.add(ReviewStep.ADD_TO_LIBRARY);
            if (document.view().library() != null) {
                steps.add(ReviewStep.REMOVE_FROM_LIBRARY);
            }
        }
        return steps;
    }

    // ---- jobs (scheduled; safe to repeat) ------------------------------------------------

    /** Flags work orders whose team-lead check is overdue and tells the team lead. */
    public int flagOverdueChecks(Instant now) {
        Query query = Query.query(Criteria.where("status").is(ReviewStatus.SUBMITTED).and("checkOverdueAt").is(null)
                .and("checkDue").lte(now)).limit(BATCH);
        int flagged = 0;
        for (var document : mongo.find(query, ReviewDocument.class)) {
            for (String lead : teamLeads(document.submitterTeamId())) {
                notifications.notify(noticeId(document.id(), "check-overdue-" + lead + "-" + document.version()),
                        lead, "review.notice.check-overdue", List.of(document.number()), link(document.id()));
            }
            flagged += mark(document.id(), Criteria.where("status").is(ReviewStatus.SUBMITTED), "checkOverdueAt", now,
                    "check-overdue");
        }
        return flagged;
    }

    /** Flags replies not given by their due time and tells the reviewer (or the review team). */
    public int flagOverdueReplies(Instant now) {
        Query query = Query.query(Criteria.where("reply.status").is(ReplyStatus.PENDING).and("reply.overdueAt")
                .is(null).and("reply.due").lte(now)).limit(BATCH);
        int flagged = 0;
        for (var document : mongo.find(query, ReviewDocument.class)) {
            for (String person : replyOwners(document)) {
                notifications.notify(noticeId(document.id(), "reply-overdue-" + person), person,
                        "review.notice.reply-overdue", List.of(document.number()), link(document.id()));
            }
            flagged += mark(document.id(), Criteria.where("reply.status").is(ReplyStatus.PENDING), "reply.overdueAt",
                    now, "reply-overdue");
        }
        return flagged;
    }

    /**
     * Follow-up: a reply still owed after failed calls is a daily reminder to call again; when the
     * follow-up days since the first failed call have passed, the customer counts as unreachable
     * and the verdict-free SMS goes to the outbox.
     */
    public int followUpReplies(Instant now) {
        Query query = Query.query(Criteria.where("reply.status").is(ReplyStatus.PENDING)
                .and("reply.attempts.0").exists(true)).limit(BATCH);
        int done = 0;
        for (var found : mongo.find(query, ReviewDocument.class)) {
            PolicyContent content = policy.current().content();
            ZoneId zone = content.calendar().zone();
            Reply reply = found.reply();
            Instant firstFailed = reply.attempts().stream().filter(a -> a.outcome().failed()).map(ReplyAttempt::at)
                    .min(Instant::compareTo).orElse(null);
            if (firstFailed == null) {
                continue;
            }
            LocalDate today = LocalDate.ofInstant(now, zone);
            LocalDate firstDay = LocalDate.ofInstant(firstFailed, zone);
            if (!today.isBefore(firstDay.plusDays(content.reviewWindows().followUpDays()))) {
                done += update(found.id(), document -> {
                    var sms = replySms(document, content, "unreachable", today);
                    document.markUnreachable(sms, Actor.SYSTEM, now);
                }, "review.reply-unreachable") ? 1 : 0;
                continue;
            }
            boolean calledToday = reply.attempts().stream()
                    .anyMatch(a -> LocalDate.ofInstant(a.at(), zone).equals(today));
            if (!calledToday) {
                for (String person : replyOwners(found)) {
                    notifications.notify(noticeId(found.id(), "follow-up-" + today + "-" + person), person,
                            "review.notice.follow-up", List.of(found.number()), link(found.id()));
                }
                done++;
            }
        }
        return done;
    }

    /** Upheld verdicts not appealed within the policy's days become final. */
    public int finalizeUnappealed(Instant now) {
        Query query = Query.query(Criteria.where("status").is(ReviewStatus.JUDGED).and("appealDue").lte(now))
                .limit(BATCH);
        int done = 0;
        for (var document : mongo.find(query, ReviewDocument.class)) {
            var entry = new ReviewEntry(now, Actor.SYSTEM.subject(), Actor.SYSTEM.name(), "appeal-window-ended",
                    ReviewStatus.JUDGED, ReviewStatus.FINAL, null);
            done += (int) mongo.updateFirst(Query.query(Criteria.where("_id").is(document.id())
                            .and("status").is(ReviewStatus.JUDGED)),
                    new Update().set("status", ReviewStatus.FINAL).set("finalAt", now).push("timeline", entry)
                            .inc("version", 1), ReviewDocument.class).getModifiedCount();
        }
        return done;
    }

    /** Finishes what a crash may have left: panels to form, early warnings to check. */
    public int resumePending() {
        int done = 0;
        for (var document : mongo.find(Query.query(Criteria.where("panelPending").is(true)).limit(BATCH),
                ReviewDocument.class)) {
            CurrentActor.runAsSystem(() -> formPanel(document.id()));
            done++;
        }
        for (var document : mongo.find(Query.query(Criteria.where("warningPending").is(true)).limit(BATCH),
                ReviewDocument.class)) {
            checkEarlyWarning(document.id());
            done++;
        }
        return done;
    }

    // ---- internals: panel, warnings, messages --------------------------------------------

    /** Forms the appeal's panel (idempotent by its ID) and records it on the review. */
    private Panel formPanel(UUID reviewId) {
        var document = mongo.findById(reviewId, ReviewDocument.class);
        Appeal appeal = document.appeal();
        String question = "维持还是推翻 " + document.number() + " 的判责？ Keep or overturn the verdict of "
                + document.number() + "?";
        Set<String> parties = new LinkedHashSet<>();
        parties.add(document.workOrder().accusedEmployeeId());
        if (appeal.by() != null) {
            parties.add(appeal.by());
        }
        Panel panel = panels.form(appeal.panelId(), new PanelRequest(PANEL_SUBJECT, reviewId, document.number(),
                question, appeal.employeeSide(), appeal.reviewSide(), excluded(document), parties));
        var entry = new ReviewEntry(clock.instant(), Actor.SYSTEM.subject(), Actor.SYSTEM.name(), "panel-formed",
                null, null, panel.number());
        mongo.updateFirst(Query.query(Criteria.where("_id").is(reviewId).and("panelPending").is(true)),
                new Update().set("panelPending", false).set("appeal.panelNumber", panel.number())
                        .push("timeline", entry).inc("version", 1), ReviewDocument.class);
        return panel;
    }

    /**
     * Counts upheld reviews on the judged review's topic within the policy's days; at the
     * threshold the duty chiefs (or the site managers) are warned — once per topic per window.
     */
    private void checkEarlyWarning(UUID reviewId) {
        var document = mongo.findById(reviewId, ReviewDocument.class);
        if (document == null) {
            return;
        }
        Instant now = clock.instant();
        var windows = policy.current().content().reviewWindows();
        String topic = document.topicKey();
        if (topic != null && Boolean.TRUE.equals(document.upheld())) {
            Instant since = now.minus(Duration.ofDays(windows.earlyWarningDays()));
            Query upheld = Query.query(Criteria.where("topicKey").is(topic).and("upheld").is(true)
                    .and("verdict.at").gte(since)).with(Sort.by(Sort.Order.desc("verdict.at"))).limit(1000);
            upheld.fields().include("number");
            List<String> numbers = mongo.find(upheld, org.bson.Document.class, "reviews").stream()
                    .map(d -> d.getString("number")).toList();
            if (numbers.size() >= windows.earlyWarningCount() && claimWarning(topic, since, now)) {
                List<String> recipients = windows.dutyChiefEmployeeIds().isEmpty()
                        ? CurrentActor.runAsSystem(() -> directory.activeEmployeeIdsWithRole(Role.SITE_MANAGER))
                        : windows.dutyChiefEmployeeIds();
                var warning = new EarlyWarningDocument(UUID.randomUUID(), document.verdict().topic(), numbers.size(),
                        windows.earlyWarningDays(), numbers, recipients, now);
                mongo.insert(warning);
                for (String person : recipients) {
                    notifications.notify(noticeId(warning.id(), person), person, "review.notice.early-warning",
                            List.of(warning.topic(), String.valueOf(numbers.size()),
                                    String.valueOf(windows.earlyWarningDays())), "reviews/library");
                }
                audit.record(Actor.SYSTEM, "review.early-warning", "Review", document.number(),
                        Map.of("topic", warning.topic(), "count", String.valueOf(numbers.size())));
            }
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(reviewId)), new Update().set("warningPending", false),
                mongo.getCollectionName(ReviewDocument.class));
    }

    /** True for exactly one caller per topic per window: a conditional upsert of the topic's marker. */
    private boolean claimWarning(String topic, Instant since, Instant now) {
        Query free = Query.query(new Criteria().andOperator(Criteria.where("_id").is(topic),
                new Criteria().orOperator(Criteria.where("lastWarnedAt").lt(since),
                        Criteria.where("lastWarnedAt").exists(false))));
        try {
            mongo.findAndModify(free, new Update().set("lastWarnedAt", now),
                    FindAndModifyOptions.options().upsert(true).returnNew(true), WarningTopic.class);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** The verdict-free SMS inviting the customer to call; the rendered text is checked for verdict words. */
    private OutboxMessage replySms(ReviewDocument document, PolicyContent content, String key, LocalDate day) {
        String text = content.templates().renderReviewReply(Locale.SIMPLIFIED_CHINESE,
                Map.of("date", DATE.format(day)));
        return new OutboxMessage(noticeId(document.id(), "sms-" + key), Channel.SMS,
                document.workOrder().contactNumber(), null, text, "Review", document.number());
    }

    /** Notify-by-call routes: the reviewer who holds the review gets a phone task with the number to call. */
    private void queuePhoneTask(ReviewDocument document) {
        ReviewRoute route = document.route();
        if (route == null || !route.notifyByCall() || document.assignee() == null || document.sideNotice() != null) {
            return;
        }
        String subject = "请致电 " + route.notifyNumber() + "（" + route.groupName().in(Locale.SIMPLIFIED_CHINESE) + "）";
        String body = "通知对方负责人白名单工单 " + document.number() + "：被投诉工号 "
                + document.workOrder().accusedEmployeeId() + "。请记录通话时间和接听负责人姓名，并跟踪对方答复。";
        document.queueMessage(new OutboxMessage(noticeId(document.id(), "phone-task-" + route.group() + "-"
                + document.assignee()), Channel.PHONE_TASK, document.assignee(), subject, body, "Review",
                document.number()));
    }

    private List<String> replyOwners(ReviewDocument document) {
        if (document.assignee() != null) {
            return List.of(document.assignee());
        }
        return CurrentActor.runAsSystem(() -> directory.activeEmployeeIdsWithRole(Role.REVIEWER));
    }

    private void tellParties(Review review, String key) {
        Set<String> people = new LinkedHashSet<>();
        people.add(review.workOrder().accusedEmployeeId());
        if (review.appeal() != null && review.appeal().by() != null) {
            people.add(review.appeal().by());
        }
        for (String person : people) {
            notifications.notify(noticeId(review.id(), key + "-" + person + "-" + review.version()), person, key,
                    List.of(review.number()), link(review.id()));
        }
    }

    // ---- internals: rules ---------------------------------------------------------------

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

    private ReviewRoute route(WorkOrder order, PolicyVersion current, Actor actor, Instant now) {
        RouteResult result = current.content().routing().route(order.accusedEmployeeId(), current.number());
        if (!result.routed()) {
            return null;
        }
        RoutingRule rule = result.rule();
        return new ReviewRoute(rule.group(), rule.name(), rule.mode(), rule.notifyNumber(), result.matchedPrefix(),
                false, current.number(), actor.subject(), now);
    }

    private List<String> criteria(JudgmentType type, List<String> given, boolean upheld, PolicyContent content) {
        List<String> codes = given.stream().filter(c -> c != null).distinct().toList();
        for (String code : codes) {
            if (content.reviewCriteria().find(type, code).isEmpty()) {
                throw OmbudException.badRequest("REVIEW_CRITERION_UNKNOWN", "criteria",
                        "{0} is not a {1} criterion of the policy in force", code, type.name());
            }
        }
        if (upheld && codes.isEmpty()) {
            throw OmbudException.badRequest("REVIEW_CRITERIA_REQUIRED", "criteria",
                    "An upheld verdict names the criteria that apply");
        }
        return codes;
    }

    private static List<AppealPoint> points(List<AppealPoint> points) {
        if (points == null || points.isEmpty()) {
            throw OmbudException.badRequest("APPEAL_POINTS_REQUIRED", "points",
                    "Cite at least one point in the recording");
        }
        if (points.size() > 20) {
            throw OmbudException.badRequest("VALUE_OUT_OF_RANGE", "points", "{0} must be between {1} and {2}",
                    "points", 1, 20);
        }
        List<AppealPoint> clean = new ArrayList<>();
        for (AppealPoint point : points) {
            String position = TextInput.optional(point.position(), "points.position", Kind.CODE);
            String text = TextInput.required(point.text(), "points.text", Kind.NOTE);
            if (position != null && !POSITION.matcher(position).matches()) {
                throw OmbudException.badRequest("APPEAL_POSITION_INVALID", "points.position",
                        "A position in the recording is mm:ss or hh:mm:ss: {0}", position);
            }
            clean.add(new AppealPoint(position, text));
        }
        return clean;
    }

    /** Who cannot sit on the appeal's panel: the accused and the original judges. */
    private static Set<String> excluded(ReviewDocument document) {
        Set<String> excluded = new LinkedHashSet<>();
        excluded.add(document.workOrder().accusedEmployeeId());
        if (document.verdict() != null) {
            excluded.add(document.verdict().by());
        }
        if (document.appeal() != null && document.appeal().rejudgment() != null) {
            excluded.add(document.appeal().rejudgment().by());
        }
        return excluded;
    }

    private Optional<AppellantRole> appellantRole(ReviewDocument document, Actor actor) {
        if (actor.employeeId() != null && actor.employeeId().equals(document.workOrder().accusedEmployeeId())) {
            return Optional.of(AppellantRole.ACCUSED);
        }
        if (actor.has(Role.TEAM_LEAD) && document.accusedTeamId() != null
                && myTeam(actor).map(document.accusedTeamId()::equals).orElse(false)) {
            return Optional.of(AppellantRole.TEAM_LEAD);
        }
        return Optional.empty();
    }

    private boolean isSubmitter(ReviewDocument document, Actor actor) {
        return me(actor).equals(document.workOrder().submitterEmployeeId())
                || actor.subject().equals(document.submittedBy());
    }

    /** The team lead of the submitter's team (any team lead when the submitter has none), or an admin. */
    private boolean isTeamLead(ReviewDocument document, Actor actor) {
        if (actor.has(Role.ADMIN)) {
            return true;
        }
        if (!actor.has(Role.TEAM_LEAD)) {
            return false;
        }
        if (document.submitterTeamId() == null) {
            return true;
        }
        return myTeam(actor).map(document.submitterTeamId()::equals).orElse(false)
                || teamLeads(document.submitterTeamId()).contains(me(actor));
    }

    private static boolean isReviewTeam(Actor actor) {
        return REVIEW_TEAM.stream().anyMatch(actor::has);
    }

    private void requireSubmitterOrLead(ReviewDocument document, Actor actor) {
        if (!isSubmitter(document, actor) && !isTeamLead(document, actor)) {
            throw OmbudException.forbidden("REVIEW_NOT_YOURS", "Review {0} is not yours to change",
                    document.number());
        }
    }

    private void requireTeamLead(ReviewDocument document, Actor actor) {
        if (!isTeamLead(document, actor)) {
            throw OmbudException.forbidden("REVIEW_NOT_TEAM_LEAD",
                    "Only the team lead of the employee who submitted review {0} checks it", document.number());
        }
    }

    /** A review the review team works on. */
    private ReviewDocument reviewable(UUID id, Long expectedVersion) {
        var document = changeable(id, expectedVersion);
        if (!isReviewTeam(CurrentActor.required())) {
            throw OmbudException.forbidden("REVIEW_TEAM_ONLY", "Only the review team works on review {0}",
                    document.number());
        }
        return document;
    }

    private Optional<UUID> myTeam(Actor actor) {
        return actor.employeeId() == null ? Optional.empty()
                : directory.personByEmployeeId(actor.employeeId()).map(Person::teamId);
    }

    /** The team's lead and its members with the team-lead role. Holds no personal data. */
    private List<String> teamLeads(UUID teamId) {
        if (teamId == null) {
            return List.of();
        }
        return CurrentActor.runAsSystem(() -> {
            Set<String> leads = new LinkedHashSet<>();
            Team team = directory.teamsByIds(Set.of(teamId)).get(teamId);
            if (team != null && team.leadEmployeeId() != null) {
                leads.add(team.leadEmployeeId());
            }
            directory.people(new PersonFilter(null, null, teamId, Role.TEAM_LEAD, true), ScrollPosition.offset(), 50)
                    .forEach(p -> leads.add(p.employeeId()));
            return List.copyOf(leads);
        });
    }

    private UUID accusedTeam(WorkOrder order) {
        return CurrentActor.runAsSystem(() -> directory.personByEmployeeId(order.accusedEmployeeId())
                .map(Person::teamId).orElse(null));
    }

    private Person activePerson(String employeeId, String field) {
        return directory.personByEmployeeId(employeeId).filter(Person::active).orElseThrow(() ->
                OmbudException.badRequest("PERSON_NOT_FOUND", field, "No active person {0}", employeeId));
    }

    private static Instant past(Instant at, String field, Instant now) {
        return at == null ? now : TimeInput.past(at, field, now, MAX_EVENT_AGE);
    }

    /** The submitter's employee ID of a work order, as a text, before anything else is looked at. */
    private static void submitterText(WorkOrder input) {
        if (input != null) {
            TextInput.optional(input.submitterEmployeeId(), "submitterEmployeeId", Kind.EMPLOYEE_ID);
        }
    }

    // ---- internals: visibility and lists -------------------------------------------------

    /**
     * Who sees a review: the review team, whitelist owners, site managers, leadership, admins and
     * BI readers (numbers masked) all; the submitter theirs; team leads their team's (submitted by
     * or about its members); the accused once judged; panel members of its appeal.
     */
    private Criteria visibility(Actor actor) {
        if (actor.kind() == Actor.Kind.SYSTEM || actor.hasAny(Role.ADMIN, Role.LEADERSHIP, Role.REVIEWER,
                Role.WHITELIST_OWNER, Role.SITE_MANAGER, Role.BI_READER)) {
            return new Criteria();
        }
        String me = me(actor);
        List<Criteria> any = new ArrayList<>();
        any.add(Criteria.where("workOrder.submitterEmployeeId").is(me));
        any.add(Criteria.where("submittedBy").is(actor.subject()));
        any.add(Criteria.where("appeal.employeeSide").is(me));
        any.add(Criteria.where("appeal.reviewSide").is(me));
        any.add(Criteria.where("workOrder.accusedEmployeeId").is(me).and("status").in(ReviewStatus.JUDGED,
                ReviewStatus.APPEALED, ReviewStatus.PANEL_FORMING, ReviewStatus.PANEL_VOTING, ReviewStatus.FINAL));
        if (actor.has(Role.TEAM_LEAD)) {
            myTeam(actor).ifPresent(team -> {
                any.add(Criteria.where("submitterTeamId").is(team));
                any.add(Criteria.where("accusedTeamId").is(team));
            });
        }
        return new Criteria().orOperator(any);
    }

    private Criteria criteria(ReviewQueue queue, ReviewFilter filter, Actor actor) {
        List<Criteria> where = new ArrayList<>();
        where.add(visibility(actor));
        String me = me(actor);
        boolean overdue = Boolean.TRUE.equals(filter.overdueOnly());
        switch (queue) {
            case MINE -> where.add(Criteria.where("workOrder.submitterEmployeeId").is(me));
            case TEAM_CHECK -> {
                where.add(Criteria.where("status").in(ReviewStatus.SUBMITTED, ReviewStatus.RETURNED_TO_LEAD));
                if (!actor.has(Role.ADMIN)) {
                    where.add(myTeam(actor).map(team -> Criteria.where("submitterTeamId").in(team, null))
                            .orElse(Criteria.where("submitterTeamId").is(null)));
                }
                if (overdue) {
                    where.add(Criteria.where("checkOverdueAt").ne(null));
                }
            }
            case REVIEW_TEAM -> where.add(Criteria.where("status").is(ReviewStatus.IN_REVIEW));
            case REPLIES -> {
                where.add(Criteria.where("reply.status").in(ReplyStatus.PENDING, ReplyStatus.SPECIAL_REPORTED));
                if (overdue) {
                    where.add(Criteria.where("reply.overdueAt").ne(null));
                }
            }
            case APPEALS -> where.add(Criteria.where("status").in(ReviewStatus.APPEALED, ReviewStatus.PANEL_FORMING,
                    ReviewStatus.PANEL_VOTING));
            case ABOUT_ME -> where.add(Criteria.where("workOrder.accusedEmployeeId").is(me).and("status")
                    .in(ReviewStatus.JUDGED, ReviewStatus.APPEALED, ReviewStatus.PANEL_FORMING,
                            ReviewStatus.PANEL_VOTING, ReviewStatus.FINAL));
            case ALL -> {
            }
        }
        if (filter.status() != null) {
            where.add(Criteria.where("status").is(filter.status()));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            String text = Pattern.quote(filter.text().strip());
            where.add(new Criteria().orOperator(Criteria.where("number").regex(text, "i"),
                    Criteria.where("workOrder.complaint").regex(text, "i"),
                    Criteria.where("workOrder.accusedEmployeeId").is(filter.text().strip()),
                    Criteria.where("workOrder.topic").regex(text, "i")));
        }
        return new Criteria().andOperator(where);
    }

    private static Sort sort(ReviewQueue queue) {
        return switch (queue) {
            case TEAM_CHECK -> Sort.by(Sort.Order.asc("checkDue"), Sort.Order.asc("id"));
            case REVIEW_TEAM -> Sort.by(Sort.Order.asc("submittedAt"), Sort.Order.asc("id"));
            case REPLIES -> Sort.by(Sort.Order.asc("reply.due"), Sort.Order.asc("id"));
            default -> Sort.by(Sort.Order.desc("submittedAt"), Sort.Order.desc("id"));
        };
    }

    private static Criteria libraryCriteria(String text, String tag) {
        List<Criteria> where = new ArrayList<>();
        where.add(Criteria.where("library").ne(null));
        if (tag != null && !tag.isBlank()) {
            where.add(Criteria.where("library.tags").is(tag.strip()));
        }
        if (text != null && !text.isBlank()) {
            String quoted = Pattern.quote(text.strip());
            where.add(new Criteria().orOperator(Criteria.where("workOrder.complaint").regex(quoted, "i"),
                    Criteria.where("library.lesson").regex(quoted, "i"), Criteria.where("verdict.topic")
                            .regex(quoted, "i"), Criteria.where("number").regex(quoted, "i")));
        }
        return new Criteria().andOperator(where);
    }

    private static LibraryCase libraryCase(Review r) {
        Verdict v = r.verdict();
        return new LibraryCase(r.id(), r.number(), r.workOrder().complaint(), r.workOrder().demand(),
                v == null ? null : v.type(), v == null ? List.of() : v.criteria(), r.upheld(),
                v == null ? null : v.basis(), v == null ? r.workOrder().topic() : v.topic(), r.library().tags(),
                r.library().lesson(), r.library().byName(), r.library().at());
    }

    /** A review to take a step on: every step on a review is a person's (an API client takes none). */
    private ReviewDocument changeable(UUID id, Long expectedVersion) {
        CurrentActor.requirePerson();
        return visible(id, expectedVersion);
    }

    private ReviewDocument visible(UUID id, Long expectedVersion) {
        Actor actor = CurrentActor.required();
        var document = mongo.findOne(Query.query(new Criteria().andOperator(Criteria.where("_id").is(id),
                visibility(actor))), ReviewDocument.class);
        if (document == null) {
            throw OmbudException.notFound("REVIEW_NOT_FOUND", "No review {0} that you may see", id);
        }
        if (expectedVersion != null && !expectedVersion.equals(document.version() == null ? 0L
                : document.version())) {
            throw concurrent();
        }
        return document;
    }

    /** The review as this reader may see it: for BI readers the customer's numbers and every free text masked. */
    private static Review present(Review view, Actor actor) {
        if (!PersonalData.hiddenFrom(actor)) {
            return view;
        }
        WorkOrder o = view.workOrder();
        var masked = new WorkOrder(o.submitterEmployeeId(), PersonalData.maskContact(o.callerNumber()), o.callAt(),
                PersonalData.maskContact(o.contactNumber()), o.complaint(), o.demand(), o.demandKind(),
                o.accusedEmployeeId(), o.source(), o.topic());
        return PersonalData.maskTexts(new Review(view.id(), view.number(), masked, view.status(),
                view.transferredFrom(), view.submitterTeamId(), view.submittedAt(), view.checkDue(),
                view.checkOverdueAt(), view.handover(), view.returns(), view.assignee(), view.route(),
                view.verification(), view.sideNotice(), view.verdict(), view.upheld(), view.appealDue(), view.appeal(),
                view.reply(), view.library(), view.finalAt(), view.timeline(), view.version()));
    }

    // ---- internals: saving --------------------------------------------------------------

    private Review save(ReviewDocument document, String action) {
        try {
            var saved = mongo.save(document);
            audit.record(action, "Review", saved.number(), Map.of("status", saved.status().name()));
            return saved.view();
        } catch (OptimisticLockingFailureException e) {
            throw concurrent();
        }
    }

    /** Reads, changes and saves a review as the system (jobs), retrying once on a concurrent change. */
    private boolean update(UUID id, Consumer<ReviewDocument> change, String action) {
        for (int attempt = 0; attempt < 2; attempt++) {
            var document = mongo.findById(id, ReviewDocument.class);
            try {
                change.accept(document);
            } catch (OmbudException e) {
                log.warn("Review {}: {} not done: {}", document.number(), action, e.getMessage());
                return false;
            }
            try {
                mongo.save(document);
                audit.record(Actor.SYSTEM, action, "Review", document.number(), Map.of());
                return true;
            } catch (OptimisticLockingFailureException e) {
                // a person changed it meanwhile: read again
            }
        }
        return false;
    }

    /** Sets a marker once, with a timeline entry and a new version, in one conditional update. */
    private int mark(UUID id, Criteria still, String field, Instant now, String action) {
        var entry = new ReviewEntry(now, Actor.SYSTEM.subject(), Actor.SYSTEM.name(), action, null, null, null);
        return (int) mongo.updateFirst(Query.query(new Criteria().andOperator(Criteria.where("_id").is(id), still,
                        Criteria.where(field).is(null))),
                new Update().set(field, now).push("timeline", entry).inc("version", 1), ReviewDocument.class)
                .getModifiedCount();
    }

    private String nextNumber(Instant now) {
        String day = DAY.format(now.atZone(policy.calendar().zone()));
        return "BM-%s-%04d".formatted(day, sequences.next("review-" + day));
    }

    private static UUID panelId(UUID reviewId) {
        return noticeId(reviewId, "panel");
    }

    private static String me(Actor actor) {
        return actor.employeeId() != null ? actor.employeeId() : actor.subject();
    }

    private static String link(UUID reviewId) {
        return "reviews/" + reviewId;
    }

    private static UUID noticeId(UUID id, String what) {
        return UUID.nameUUIDFromBytes((id + "/" + what).getBytes(StandardCharsets.UTF_8));
    }

    private static OmbudException concurrent() {
        return OmbudException.conflict("CONCURRENT_UPDATE",
                "Someone else changed this record meanwhile; reload and try again");
    }
}
