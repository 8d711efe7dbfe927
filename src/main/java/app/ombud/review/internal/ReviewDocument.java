package app.ombud.review.internal;

import app.ombud.notification.OutboxMessage;
import app.ombud.panel.Choice;
import app.ombud.platform.Actor;
import app.ombud.platform.OmbudException;
import app.ombud.platform.SharedRecord;
import app.ombud.platform.StepGuard;
import app.ombud.review.Appeal;
import app.ombud.review.AppealDecider;
import app.ombud.review.AppealPoint;
import app.ombud.review.AppellantRole;
import app.ombud.review.Handover;
import app.ombud.review.LibraryEntry;
import app.ombud.review.OtherReply;
import app.ombud.review.Rejudgment;
import app.ombud.review.Reply;
import app.ombud.review.ReplyAttempt;
import app.ombud.review.ReplyStatus;
import app.ombud.review.Review;
import app.ombud.review.ReviewEntry;
import app.ombud.review.ReviewReturn;
import app.ombud.review.ReviewRoute;
import app.ombud.review.ReviewStatus;
import app.ombud.review.ReviewStep;
import app.ombud.review.SideNotice;
import app.ombud.review.SpecialComplainant;
import app.ombud.review.Verdict;
import app.ombud.review.Verification;
import app.ombud.review.WorkOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
 * An internal review (白名单工单). It owns its rules: every step is a method that checks the state
 * machine ({@link ReviewStatus}) and appends to the embedded timeline; the reply attempts and the
 * messages waiting for the outbox live in the same document, so a step, its record and its
 * message are one atomic update saved with the version.
 */
@CompoundIndexes({
    @CompoundIndex(name = "accusedEmployeeId_submittedAt",
            def = "{'workOrder.accusedEmployeeId': 1, 'submittedAt': -1, '_id': 1}"),
    @CompoundIndex(name = "libraryAt", def = "{'library.at': -1, '_id': 1}"),
    @CompoundIndex(name = "libraryTags_libraryAt", def = "{'library.tags': 1, 'library.at': -1, '_id': 1}"),
    @CompoundIndex(name = "pendingMessagesId", def = "{'pendingMessages._id': 1}"),
    @CompoundIndex(name = "replyStatus_callerNumber_replyClosedAt",
            def = "{'reply.status': 1, 'workOrder.callerNumber': 1, 'reply.closedAt': -1}"),
    @CompoundIndex(name = "replyStatus_contactNumber_replyClosedAt",
            def = "{'reply.status': 1, 'workOrder.contactNumber': 1, 'reply.closedAt': -1}"),
    @CompoundIndex(name = "replyStatus_replyDue", def = "{'reply.status': 1, 'reply.due': 1, '_id': 1}"),
    @CompoundIndex(name = "status_submittedAt", def = "{'status': 1, 'submittedAt': 1, '_id': 1}"),
    @CompoundIndex(name = "status_submitterTeamId_checkDue",
            def = "{'status': 1, 'submitterTeamId': 1, 'checkDue': 1, '_id': 1}"),
    @CompoundIndex(name = "submittedAt", def = "{'submittedAt': -1, '_id': 1}"),
    @CompoundIndex(name = "submitterEmployeeId_submittedAt",
            def = "{'workOrder.submitterEmployeeId': 1, 'submittedAt': -1, '_id': 1}"),
    @CompoundIndex(name = "topic_upheld", def = "{'topicKey': 1, 'upheld': 1, 'verdict.at': -1}")
})
@Document("reviews")
public class ReviewDocument implements StepGuard<ReviewStep, ReviewCaller>, SharedRecord {

    @Id
    private final UUID id;
    @Indexed(unique = true)
    private final String number;
    private WorkOrder workOrder;
    private String topicKey;
    private ReviewStatus status;
    private final String transferredFrom;
    private UUID submitterTeamId;
    private UUID accusedTeamId;
    private final String submittedBy;
    private Instant submittedAt;
    private Instant checkDue;
    private Instant checkOverdueAt;
    private Handover handover;
    private final List<ReviewReturn> returns;
    private String assignee;
    private ReviewRoute route;
    private Verification verification;
    private SideNotice sideNotice;
    private Verdict verdict;
    private Boolean upheld;
    private Instant appealDue;
    private Appeal appeal;
    private Reply reply;
    private LibraryEntry library;
    private Instant finalAt;
    private boolean panelPending;
    private boolean warningPending;
    private final List<OutboxMessage> pendingMessages;
    private final List<ReviewEntry> timeline;
    @Version
    private Long version;
    /** How many timeline entries and pending messages were read: the rest this change appended. */
    @Transient
    private final int readTimeline;
    @Transient
    private final int readMessages;
    /** Whether this change started the team lead's check anew, so its overdue mark is cleared. */
    @Transient
    private boolean checkRestarted;

    @PersistenceCreator
    ReviewDocument(UUID id, String number, WorkOrder workOrder, String topicKey, ReviewStatus status,
            String transferredFrom, UUID submitterTeamId, UUID accusedTeamId, String submittedBy, Instant submittedAt,
            Instant checkDue, Instant checkOverdueAt, Handover handover, List<ReviewReturn> returns, String assignee,
            ReviewRoute route, Verification verification, SideNotice sideNotice, Verdict verdict, Boolean upheld,
            Instant appealDue, Appeal appeal, Reply reply, LibraryEntry library, Instant finalAt, boolean panelPending,
            boolean warningPending, List<OutboxMessage> pendingMessages, List<ReviewEntry> timeline, Long version) {
        this.id = id;
        this.number = number;
        this.workOrder = workOrder;
        this.topicKey = topicKey;
        this.status = status;
        this.transferredFrom = transferredFrom;
        this.submitterTeamId = submitterTeamId;
        this.accusedTeamId = accusedTeamId;
        this.submittedBy = submittedBy;
        this.submittedAt = submittedAt;
        this.checkDue = checkDue;
        this.checkOverdueAt = checkOverdueAt;
        this.handover = handover;
        this.returns = returns == null ? new ArrayList<>() : new ArrayList<>(returns);
        this.assignee = assignee;
        this.route = route;
        this.verification = verification;
        this.sideNotice = sideNotice;
        this.verdict = verdict;
        this.upheld = upheld;
        this.appealDue = appealDue;
        this.appeal = appeal;
        this.reply = reply;
        this.library = library;
        this.finalAt = finalAt;
        this.panelPending = panelPending;
        this.warningPending = warningPending;
        this.pendingMessages = pendingMessages == null ? new ArrayList<>() : new ArrayList<>(pendingMessages);
        this.timeline = timeline == null ? new ArrayList<>() : new ArrayList<>(timeline);
        this.version = version;
        this.readTimeline = this.timeline.size();
        this.readMessages = this.pendingMessages.size();
    }

    /** A work order submitted by the employee, for the team lead to check by {@code checkDue}. */
    public static ReviewDocument submit(UUID id, String number, WorkOrder order, UUID submitterTeamId, UUID accusedTeamId,
            Instant checkDue, Actor actor, Instant now) {
        var document = new ReviewDocument(id, number, order, topicKey(order.topic()),
                ReviewStatus.SUBMITTED, null, submitterTeamId, accusedTeamId, actor.subject(), now, checkDue, null,
                null, List.of(), null, null, null, null, null, null, null, null, null, null, null, false, false,
                List.of(), List.of(), null);
        document.log(actor, now, "submitted", null, ReviewStatus.SUBMITTED, null);
        return document;
    }

    /**
     * A complaint transferred in from a partner line about a front-desk employee, registered by
     * the review team one by one: it starts with the review team, routed.
     */
    public static ReviewDocument transferIn(UUID id, String number, WorkOrder order, String fromLine, UUID accusedTeamId,
            ReviewRoute route, Instant replyDue, Actor actor, Instant now) {
        var document = new ReviewDocument(id, number, order, topicKey(order.topic()),
                ReviewStatus.IN_REVIEW, fromLine, null, accusedTeamId, actor.subject(), now, null, null, null,
                List.of(), actor.employeeId(), route, null, null, null, null, null, null,
                new Reply(replyDue, ReplyStatus.PENDING, List.of(), null, null, null, null, null, null), null, null,
                false, false, List.of(), List.of(), null);
        document.log(actor, now, "transferred-in", null, ReviewStatus.IN_REVIEW, null, fromLine,
                String.valueOf(route.policyVersion()));
        document.log(actor, now, "routed", null, null, null, route.group(), String.valueOf(route.policyVersion()));
        return document;
    }

    /** Normalised business topic, for counting upheld reviews on the same topic. */
    public static String topicKey(String topic) {
        return topic == null ? null : topic.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }

    // ---- team lead and employee ---------------------------------------------------------

    public void returnToEmployee(String note, Actor actor, Instant now) {
        move(ReviewStatus.RETURNED_TO_EMPLOYEE, actor, now, "returned-to-employee", note);
        returns.add(new ReviewReturn(ReviewReturn.To.EMPLOYEE, null, null, note, actor.subject(), actor.name(), now));
    }

    /** The employee completes the work order and submits it again; the team lead's window starts anew. */
    public void resubmit(WorkOrder order, UUID teamId, UUID accusedTeam, Instant newCheckDue, Actor actor,
            Instant now) {
        move(ReviewStatus.SUBMITTED, actor, now, "resubmitted", null);
        workOrder = order;
        topicKey = topicKey(order.topic());
        submitterTeamId = teamId;
        accusedTeamId = accusedTeam;
        submittedAt = now;
        checkDue = newCheckDue;
        checkOverdueAt = null;
        checkRestarted = true;
    }

    /** Withdrawn before a verdict: a reply the review team still owed is no longer followed up. */
    public void withdraw(String reason, Actor actor, Instant now) {
        move(ReviewStatus.WITHDRAWN, actor, now, "withdrawn", reason);
        finalAt = now;
        if (reply != null && reply.status().open()) {
            reply = new Reply(reply.due(), ReplyStatus.WITHDRAWN, reply.attempts(), reply.overdueAt(),
                    reply.unreachableSmsAt(), reply.special(), reply.explanationScript(), reply.other(), now);
        }
    }

    /**
     * The team lead forwards the complete work order to the review team (the handover is
     * recorded); it is routed at once and the customer's reply falls due.
     */
    public void forward(String note, ReviewRoute newRoute, Instant replyDue, Actor actor, Instant now) {
        boolean again = status == ReviewStatus.RETURNED_TO_LEAD;
        move(ReviewStatus.IN_REVIEW, actor, now, again ? "re-forwarded" : "forwarded", note);
        handover = new Handover(actor.subject(), actor.name(), now, note);
        if (!again) {
            reply = new Reply(replyDue, ReplyStatus.PENDING, List.of(), null, null, null, null, null, null);
        }
        if (newRoute != null) {
            setRoute(newRoute, actor, now);
        } else {
            log(actor, now, "unrouted", null, null, null, workOrder.accusedEmployeeId());
        }
    }

    // ---- review team --------------------------------------------------------------------

    public void take(Actor actor, Instant now) {
        requireStatus("taken", ReviewStatus.IN_REVIEW);
        assignee = actor.key();
        log(actor, now, "taken", null, null, null);
    }

    public void returnToLead(ReviewReturn back, Actor actor, Instant now) {
        List<String> args = new ArrayList<>();
        args.add(back.reason().name());
        back.gaps().stream().map(Enum::name).sorted().forEach(args::add);
        move(ReviewStatus.RETURNED_TO_LEAD, actor, now, "returned-to-lead", back.note(), args.toArray(String[]::new));
        returns.add(back);
    }

    /** Routes by hand (no rule matched, or a correction); the notification steps start again. */
    public void routeManually(ReviewRoute manual, Actor actor, Instant now) {
        requireStatus("routed", ReviewStatus.IN_REVIEW);
        if (verdict != null) {
            throw transitionRefused("routed");
        }
        setRoute(manual, actor, now);
    }

    private void setRoute(ReviewRoute newRoute, Actor actor, Instant now) {
        route = newRoute;
        sideNotice = null;
        log(actor, now, newRoute.manual() ? "routed-manually" : "routed", null, null, null, newRoute.group(),
                String.valueOf(newRoute.policyVersion()));
    }

    public void recordVerification(Verification found, Actor actor, Instant now) {
        requireStatus("verified", ReviewStatus.IN_REVIEW);
        raise(ReviewStepRules.frontDesk(this));
        verification = found;
        log(actor, now, "verified", null, null, found.finding());
    }

    /** The call to the configured number: when, and the name of the lead reached. */
    public void recordSideNotice(Instant calledAt, String leadName, String note, Actor actor, Instant now) {
        requireStatus("notified", ReviewStatus.IN_REVIEW);
        raise(ReviewStepRules.notifiedSide(this));
        sideNotice = new SideNotice(route.notifyNumber(), calledAt, leadName, note, actor.subject(), now, null, null,
                null);
        log(actor, now, "side-notified", null, null, note, route.notifyNumber(), leadName);
    }

    /** That side's answer: tracking ends. */
    public void recordSideAnswer(String answer, Instant answeredAt, Actor actor, Instant now) {
        requireStatus("answered", ReviewStatus.IN_REVIEW);
        raise(ReviewStepRules.sideNotified(this));
        sideNotice = new SideNotice(sideNotice.number(), sideNotice.calledAt(), sideNotice.leadName(),
                sideNotice.note(), sideNotice.by(), sideNotice.recordedAt(), answer, answeredAt, actor.subject());
        log(actor, now, "side-answered", null, null, answer);
    }

    /**
     * The verdict. Front-desk reviews need the recording verified first, notified sides their
     * answer. Upheld: appealable until {@code appealUntil}; not upheld: final at once.
     */
    public void judge(Verdict given, Instant appealUntil, Actor actor, Instant now) {
        raise(ReviewStepRules.judgeRefusal(this).orElse(null));
        ReviewStatus next = given.upheld() ? ReviewStatus.JUDGED : ReviewStatus.FINAL;
        List<String> args = new ArrayList<>(List.of(given.type().name(), String.valueOf(given.policyVersion())));
        args.addAll(given.criteria());
        move(next, actor, now, given.upheld() ? "judged-upheld" : "judged-not-upheld", given.basis(),
                args.toArray(String[]::new));
        verdict = given;
        upheld = given.upheld();
        topicKey = topicKey(given.topic());
        if (given.upheld()) {
            appealDue = appealUntil;
            warningPending = true;
        } else {
            finalAt = now;
        }
    }

    // ---- who may take which step now (StepGuard; the rules are ReviewStepRules) -------------

    @Override
    public Class<ReviewStep> stepType() {
        return ReviewStep.class;
    }

    /**
     * The one rule of each step: who may take it (their relation to this review) and in which
     * state. The commands, {@code allowedSteps} and the portal's buttons all ask this.
     */
    @Override
    public Optional<OmbudException> refusal(ReviewStep step, ReviewCaller caller) {
        return ReviewStepRules.refusal(this, step, caller);
    }

    private static void raise(OmbudException refusal) {
        if (refusal != null) {
            throw refusal;
        }
    }

    Instant appealDue() {
        return appealDue;
    }

    LibraryEntry library() {
        return library;
    }

    // ---- appeal -------------------------------------------------------------------------

    public void fileAppeal(AppellantRole role, List<AppealPoint> points, Actor actor, Instant now) {
        if (status == ReviewStatus.JUDGED && appealDue != null && !now.isBefore(appealDue)) {
            throw ReviewStepRules.appealWindowClosed(this);
        }
        move(ReviewStatus.APPEALED, actor, now, "appealed", points.getFirst().text());
        appeal = new Appeal(role, actor.subject(), actor.name(), now, points, null, null, null, null, null, null,
                null, null);
    }

    /** The whitelist owner re-judges: overturned closes the appeal; kept sends it to a panel. */
    public void rejudge(boolean keep, String reason, Actor actor, Instant now) {
        var rejudgment = new Rejudgment(keep, reason, actor.subject(), actor.name(), now);
        move(AppealProgress.after(rejudgment), actor, now, keep ? "rejudged-kept" : "rejudged-overturned", reason);
        appeal = AppealProgress.rejudged(appeal, rejudgment, now);
        if (!keep) {
            upheld = false;
            finalAt = now;
        }
    }

    /**
     * One side names its three members. When both sides have, the panel is due: the review moves
     * to PANEL_VOTING with the panel's ID and a pending marker until the panel exists.
     */
    public boolean nameSide(boolean employeeSide, List<String> members, UUID panelId, Actor actor, Instant now) {
        raise(ReviewStepRules.sideOpen(this, employeeSide));
        List<String> employees = employeeSide ? members : appeal.employeeSide();
        List<String> reviewers = employeeSide ? appeal.reviewSide() : members;
        boolean complete = !employees.isEmpty() && !reviewers.isEmpty();
        appeal = AppealProgress.sidesNamed(appeal, employees, reviewers, complete ? panelId : null);
        log(actor, now, employeeSide ? "employee-side-named" : "review-side-named", null, null, null,
                members.toArray(String[]::new));
        if (complete) {
            move(ReviewStatus.PANEL_VOTING, actor, now, "panel-requested", null);
            panelPending = true;
        }
        return complete;
    }

    /** Who cannot sit on the appeal's panel: the accused and the original judges. */
    public Set<String> panelExcluded() {
        return AppealProgress.excluded(this);
    }

    /** The panel asked for exists: its number is recorded and the pending marker cleared, once. */
    public boolean panelFormed(String panelNumber, Actor actor, Instant now) {
        if (!panelPending) {
            return false;
        }
        panelPending = false;
        appeal = AppealProgress.panelNumbered(appeal, panelNumber);
        log(actor, now, "panel-formed", null, null, null, panelNumber);
        return true;
    }

    /** Applies the panel's (or site manager's) final decision, once. */
    public boolean applyPanelDecision(UUID panelId, String panelNumber, Choice decision, AppealDecider by,
            Actor actor, Instant now) {
        if (status != ReviewStatus.PANEL_VOTING || appeal == null || !panelId.equals(appeal.panelId())) {
            return false;
        }
        move(ReviewStatus.FINAL, actor, now, decision == Choice.UPHOLD ? "panel-upheld" : "panel-overturned", null,
                by.name(), panelNumber);
        appeal = AppealProgress.decided(appeal, panelNumber, decision, by, now);
        upheld = decision == Choice.UPHOLD;
        finalAt = now;
        return true;
    }

    /** The appeal window ended without an appeal (scheduler): the upheld verdict is final. */
    public boolean endAppealWindow(Instant now) {
        if (status != ReviewStatus.JUDGED || appealDue == null || appealDue.isAfter(now)) {
            return false;
        }
        move(ReviewStatus.FINAL, Actor.SYSTEM, now, "appeal-window-ended", null);
        finalAt = now;
        return true;
    }

    // ---- reply to the customer ----------------------------------------------------------

    /**
     * A call to the customer. Reached ends the reply. {@code daySms} (may be null) is an SMS for
     * this failed day, at most one a day. A failed call on the policy's {@code followUpDays}-th
     * distinct day makes the customer unreachable: the verdict-free {@code unreachableSms} goes
     * with this update, unless an SMS already went that day.
     */
    public void recordAttempt(ReplyAttempt attempt, int followUpDays, ZoneId zone, OutboxMessage daySms,
            OutboxMessage unreachableSms, Actor actor, Instant now) {
        Reply current = openReply("called");
        LocalDate day = LocalDate.ofInstant(attempt.at(), zone);
        boolean smsThatDay = current.attempts().stream()
                .anyMatch(a -> a.smsQueued() && LocalDate.ofInstant(a.at(), zone).equals(day));
        boolean sendDaySms = daySms != null && attempt.outcome().failed() && !smsThatDay;
        if (daySms != null && !attempt.outcome().failed()) {
            throw OmbudException.badRequest("REPLY_SMS_ONLY_WHEN_UNREACHED", "sendSms",
                    "An SMS goes only after a call that did not reach the customer");
        }
        if (sendDaySms) {
            pendingMessages.add(daySms);
        }
        reply = ReplyProgress.called(current, new ReplyAttempt(attempt.at(), attempt.outcome(), attempt.note(),
                actor.subject(), actor.name(), sendDaySms), now);
        ReplyStatus next = reply.status();
        if (next == ReplyStatus.PENDING && reply.failedDays(zone) >= followUpDays) {
            next = ReplyStatus.UNREACHABLE;
            reply = ReplyProgress.unreachable(reply, now);
            if (!sendDaySms && !smsThatDay) {
                pendingMessages.add(unreachableSms);
            }
        }
        log(actor, now, "reply-" + attempt.outcome().name().toLowerCase(java.util.Locale.ROOT), null, null,
                attempt.note());
        if (sendDaySms) {
            log(actor, now, "reply-sms", null, null, null);
        }
        if (next == ReplyStatus.UNREACHABLE) {
            log(actor, now, "reply-unreachable", null, null, null);
        }
    }

    /** The follow-up days have passed without reaching the customer: the SMS goes (scheduler). */
    public void markUnreachable(OutboxMessage sms, Actor actor, Instant now) {
        Reply current = openReply("marked unreachable");
        pendingMessages.add(sms);
        reply = ReplyProgress.unreachable(current, now);
        log(actor, now, "reply-unreachable", null, null, null);
    }

    public void reportSpecial(SpecialComplainant.Kind kind, String report, Actor actor, Instant now) {
        Reply current = openReply("reported");
        reply = ReplyProgress.special(current, ReplyStatus.SPECIAL_REPORTED,
                new SpecialComplainant(kind, report, actor.subject(), now, null, null, null), null);
        log(actor, now, "special-reported", null, null, report, kind.name());
    }

    public void decideSpecial(String decision, Actor actor, Instant now) {
        raise(ReviewStepRules.specialReported(this));
        var s = reply.special();
        reply = ReplyProgress.special(reply, ReplyStatus.SPECIAL_DECIDED, new SpecialComplainant(s.kind(), s.report(),
                s.reportedBy(), s.reportedAt(), decision, actor.subject(), now), now);
        log(actor, now, "special-decided", null, null, decision);
    }

    public void explainDirectly(String script, Actor actor, Instant now) {
        Reply current = openReply("explained");
        reply = ReplyProgress.explained(current, script, now);
        log(actor, now, "direct-explanation", null, null, null);
    }

    public void replyOther(OtherReply.Kind kind, String reference, Actor actor, Instant now) {
        Reply current = openReply("handled otherwise");
        reply = ReplyProgress.handledOtherwise(current, new OtherReply(kind, reference, actor.subject(), now), now);
        log(actor, now, "reply-other", null, null, reference, kind.name());
    }

    private Reply openReply(String action) {
        raise(ReviewStepRules.replyNotOpen(this, action));
        return reply;
    }

    /** A message (SMS, phone task) that goes to the outbox with this very update of the review. */
    public void queueMessage(OutboxMessage message) {
        if (pendingMessages.stream().noneMatch(m -> m.id().equals(message.id()))) {
            pendingMessages.add(message);
        }
    }

    // ---- case library -------------------------------------------------------------------

    public void addToLibrary(LibraryEntry entry, Actor actor, Instant now) {
        raise(ReviewStepRules.judgedOnly(this));
        boolean again = library != null;
        library = entry;
        log(actor, now, again ? "library-updated" : "library-added", null, null, null,
                entry.tags().toArray(String[]::new));
    }

    public void removeFromLibrary(Actor actor, Instant now) {
        raise(ReviewStepRules.inLibrary(this));
        library = null;
        log(actor, now, "library-removed", null, null, null);
    }

    // ---- helpers ------------------------------------------------------------------------

    private void requireStatus(String action, ReviewStatus wanted) {
        if (status != wanted) {
            throw transitionRefused(action);
        }
    }

    OmbudException transitionRefused(String action) {
        return OmbudException.conflict("REVIEW_TRANSITION_NOT_ALLOWED", "Review {0} is {1}; it cannot be {2} now",
                number, status(status), action);
    }

    static OmbudException.Label status(ReviewStatus status) {
        return new OmbudException.Label("review.status." + status.name(), status.name());
    }

    private void move(ReviewStatus next, Actor actor, Instant now, String action, String note, String... args) {
        if (!status.canMoveTo(next)) {
            throw transitionRefused(action);
        }
        ReviewStatus from = status;
        status = next;
        log(actor, now, action, from, next, note, args);
    }

    /** A timeline entry: {@code note} only text a person wrote, {@code args} the codes and values the reader sees translated. */
    private void log(Actor actor, Instant now, String action, ReviewStatus from, ReviewStatus to, String note,
            String... args) {
        timeline.add(new ReviewEntry(now, actor.subject(), actor.name(), action, from, to, note,
                java.util.Arrays.stream(args).map(arg -> arg == null ? "" : arg).toList()));
    }

    // ---- how a person's save and the jobs share the record (RecordWrites) ----------------

    @Override
    public Set<String> jobOwnedFields() {
        return Set.of(ReviewFields.CHECK_OVERDUE, ReviewFields.REPLY_OVERDUE);
    }

    @Override
    public Map<String, List<?>> appended() {
        return Map.of("timeline", List.copyOf(timeline.subList(readTimeline, timeline.size())),
                "pendingMessages", List.copyOf(pendingMessages.subList(readMessages, pendingMessages.size())));
    }

    @Override
    public Set<String> clearedJobFields() {
        return checkRestarted ? Set.of(ReviewFields.CHECK_OVERDUE) : Set.of();
    }

    public Review view() {
        return new Review(id, number, workOrder, status, transferredFrom, submitterTeamId, submittedAt, checkDue,
                checkOverdueAt, handover, List.copyOf(returns), assignee, route, verification, sideNotice, verdict,
                upheld, appealDue, appeal, reply, library, finalAt, List.copyOf(timeline),
                version == null ? 0 : version);
    }

    public UUID id() {
        return id;
    }

    public String number() {
        return number;
    }

    public ReviewStatus status() {
        return status;
    }

    public WorkOrder workOrder() {
        return workOrder;
    }

    public UUID submitterTeamId() {
        return submitterTeamId;
    }

    public UUID accusedTeamId() {
        return accusedTeamId;
    }

    public String submittedBy() {
        return submittedBy;
    }

    public String assignee() {
        return assignee;
    }

    public ReviewRoute route() {
        return route;
    }

    public SideNotice sideNotice() {
        return sideNotice;
    }

    public Verdict verdict() {
        return verdict;
    }

    public Appeal appeal() {
        return appeal;
    }

    public Reply reply() {
        return reply;
    }

    public Boolean upheld() {
        return upheld;
    }

    public String topicKey() {
        return topicKey;
    }

    public boolean panelPending() {
        return panelPending;
    }

    public List<OutboxMessage> pendingMessages() {
        return List.copyOf(pendingMessages);
    }

    public Long version() {
        return version;
    }
}
