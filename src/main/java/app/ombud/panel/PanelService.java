package app.ombud.panel;

import app.ombud.directory.DirectoryService;
import app.ombud.directory.Person;
import app.ombud.directory.PersonFilter;
import app.ombud.notification.NotificationService;
import app.ombud.panel.internal.Ballot;
import app.ombud.panel.internal.BallotSeal;
import app.ombud.panel.internal.PanelDocument;
import app.ombud.platform.Actor;
import app.ombud.platform.AuditTrail;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.OmbudException;
import app.ombud.platform.PersonalData;
import app.ombud.platform.Role;
import app.ombud.platform.Sequences;
import app.ombud.platform.StaffOnly;
import app.ombud.platform.TextInput;
import app.ombud.policy.PolicyService;
import app.ombud.policy.PolicyVersion;
import app.ombud.policy.ReviewWindows;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
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
 * Dispute panels with anonymous ballots (SPEC §5, DESIGN.md §5). A panel is formed complete —
 * three members named by each side, none of them excluded — and votes within the policy's
 * working days. A ballot is cast by one conditional update (panel voting, caller seated, caller's
 * voter tag not yet in the box), so a member votes once however many requests race. While voting
 * nobody sees a choice or a count by choice — no field, page, audit entry or log line carries
 * one. At closing (all voted, or the window ended) the sealed ballots are opened once to find the
 * majority of the cast ballots; a tie or fewer ballots than the quorum leave it to the site
 * manager, whose decision is final. Then only the outcome and the receipts are shown.
 */
@Service
public class PanelService {

    /** Members per side. */
    public static final int SIDE_SIZE = 3;

    private static final Logger log = LoggerFactory.getLogger(PanelService.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int BATCH = 100;
    private static final Duration REMIND_BEFORE = Duration.ofHours(24);
    private static final int SCAN = 200;
    /** A member holds one of these roles (staff, who may vote), and none that bars them ({@link #ineligibility}). */
    private static final Set<Role> SITTING_ROLES = EnumSet.of(Role.AGENT, Role.TEAM_LEAD, Role.REVIEWER,
            Role.DEPT_HEAD, Role.SUPERIOR, Role.LEADERSHIP, Role.CALLTEST_STAFF);

    private final MongoTemplate mongo;
    private final BallotSeal seal;
    private final DirectoryService directory;
    private final PolicyService policy;
    private final NotificationService notifications;
    private final Sequences sequences;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PanelService(MongoTemplate mongo, BallotSeal seal, DirectoryService directory, PolicyService policy,
            NotificationService notifications, Sequences sequences, AuditTrail audit,
            ApplicationEventPublisher events, Clock clock) {
        this.mongo = mongo;
        this.seal = seal;
        this.directory = directory;
        this.policy = policy;
        this.notifications = notifications;
        this.sequences = sequences;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    // ---- forming ------------------------------------------------------------------------

    /**
     * Checks one side's members before they are named: exactly three different people who may sit
     * ({@link #ineligibility}), none already named by the other side, and a site manager left to
     * decide a tie ({@link #requireDecider}). Returns their employee IDs, trimmed, in the order given.
     */
    @PreAuthorize("isAuthenticated()")
    public List<String> checkSide(List<String> members, Collection<String> otherSide, Set<String> excluded,
            String field) {
        List<String> clean = members == null ? List.of() : members.stream()
                .map(m -> TextInput.optional(m, field, TextInput.Kind.EMPLOYEE_ID)).map(m -> m == null ? "" : m)
                .toList();
        if (clean.size() != SIDE_SIZE) {
            throw OmbudException.badRequest("PANEL_SIDE_SIZE", field, "Each side names exactly {0} members",
                    SIDE_SIZE);
        }
        if (new LinkedHashSet<>(clean).size() != clean.size()) {
            throw OmbudException.badRequest("PANEL_MEMBER_TWICE", field, "A member is named twice");
        }
        Map<String, Person> people = directory.peopleByEmployeeIds(clean);
        for (String member : clean) {
            ineligibility(member, people.get(member), otherSide, excluded, field).ifPresent(refusal -> {
                throw refusal;
            });
        }
        Set<String> seated = new LinkedHashSet<>(otherSide);
        seated.addAll(clean);
        requireDecider(seated, excluded, field);
        return clean;
    }

    /**
     * The people who may still be named to a side, in employee-ID order: active staff who are not
     * excluded, not on the other side and hold none of the roles that may not sit. {@code text}
     * narrows them as the directory's person search does; {@code offset} and {@code limit} count
     * eligible people. The portal's member picker offers exactly these.
     */
    @PreAuthorize("isAuthenticated()")
    public List<Person> eligibleMembers(String text, Collection<String> otherSide, Set<String> excluded, int offset,
            int limit) {
        List<Person> eligible = new ArrayList<>();
        int skip = Math.max(0, offset);
        var filter = new PersonFilter(text == null || text.isBlank() ? null : text, null, null, null, true);
        ScrollPosition position = ScrollPosition.offset();
        while (eligible.size() < limit) {
            Window<Person> page = directory.people(filter, position, SCAN);
            for (Person person : page) {
                if (ineligibility(person.employeeId(), person, otherSide, excluded, "members").isPresent()) {
                    continue;
                }
                if (skip > 0) {
                    skip--;
                } else if (eligible.size() < limit) {
                    eligible.add(person);
                }
            }
            if (page.isEmpty() || !page.hasNext()) {
                break;
            }
            position = page.positionAt(page.size() - 1);
        }
        return eligible;
    }

    /**
     * Why a person may not sit on a panel, or empty when they may. A member votes, so must be an
     * active person with a role of call-center staff (not only a BI reader). The accused and the
     * original judges are excluded; whitelist owners judge the appeal and name the review side,
     * admins configure Ombud, and site managers decide a panel that closes undecided (SPEC §5) —
     * none of them sits.
     */
    private static Optional<OmbudException> ineligibility(String member, Person person, Collection<String> otherSide,
            Set<String> excluded, String field) {
        if (excluded.contains(member)) {
            return Optional.of(OmbudException.badRequest("PANEL_MEMBER_EXCLUDED", field,
                    "{0} may not sit: the accused employee and the original judges are excluded", member));
        }
        if (otherSide.contains(member)) {
            return Optional.of(OmbudException.badRequest("PANEL_MEMBER_ON_BOTH_SIDES", field,
                    "{0} is already named by the other side", member));
        }
        if (person == null || !person.active()) {
            return Optional.of(OmbudException.badRequest("PERSON_NOT_FOUND", field, "No active person {0}", member));
        }
        if (person.roles().contains(Role.WHITELIST_OWNER)) {
            return Optional.of(OmbudException.badRequest("PANEL_MEMBER_WHITELIST_OWNER", field,
                    "{0} may not sit: whitelist owners judge the appeal", member));
        }
        if (person.roles().contains(Role.ADMIN)) {
            return Optional.of(OmbudException.badRequest("PANEL_MEMBER_ADMIN", field,
                    "{0} may not sit: administrators are not panel members", member));
        }
        if (person.roles().contains(Role.SITE_MANAGER)) {
            return Optional.of(OmbudException.badRequest("PANEL_MEMBER_SITE_MANAGER", field,
                    "{0} may not sit: a site manager decides a panel that closes undecided", member));
        }
        if (person.roles().stream().noneMatch(SITTING_ROLES::contains)) {
            return Optional.of(OmbudException.badRequest("PANEL_MEMBER_NOT_STAFF", field,
                    "{0} may not sit: only call-center staff vote on a panel", member));
        }
        return Optional.empty();
    }

    /**
     * A panel that closes on a tie is decided by a site manager who neither sits on it nor is the
     * accused or an original judge; without one it could never be decided, so it is not formed.
     */
    private void requireDecider(Collection<String> seated, Set<String> excluded, String field) {
        boolean decider = directory.activeEmployeeIdsWithRole(Role.SITE_MANAGER).stream()
                .anyMatch(m -> !seated.contains(m) && !excluded.contains(m));
        if (!decider) {
            throw OmbudException.badRequest("PANEL_NO_DECIDER", field,
                    "No panel can be formed: no active site manager who is neither a member, the accused nor an "
                            + "original judge is left to decide a tie");
        }
    }

    /**
     * Forms the panel and opens it for voting. Idempotent: a module that lost track after a crash
     * calls it again with the same ID and gets the panel formed the first time.
     */
    @StaffOnly
    public Panel form(UUID id, PanelRequest request) {
        var existing = mongo.findById(id, PanelDocument.class);
        if (existing != null) {
            return present(existing, CurrentActor.required());
        }
        var employeeSide = checkSide(request.employeeSide(), List.of(), request.excluded(), "employeeSide");
        var reviewSide = checkSide(request.reviewSide(), employeeSide, request.excluded(), "reviewSide");
        List<Seat> seats = new ArrayList<>();
        employeeSide.forEach(m -> seats.add(new Seat(m, PanelSide.EMPLOYEE)));
        reviewSide.forEach(m -> seats.add(new Seat(m, PanelSide.REVIEW)));
        Actor actor = CurrentActor.required();
        Instant now = clock.instant();
        PolicyVersion current = policy.current();
        ReviewWindows windows = current.content().reviewWindows();
        String day = DAY.format(now.atZone(zone()));
        String number = "PS-%s-%04d".formatted(day, sequences.next("panel-" + day));
        Instant closesAt = policy.addWorkingDays(now, windows.panelVotingWorkingDays());
        var document = PanelDocument.open(id, number, request.subjectType(), request.subjectId(),
                request.subjectNumber(), request.question(), seats, request.excluded(), request.parties(),
                seal.keyId(), windows.panelQuorum(), current.number(), closesAt, actor, now);
        try {
            mongo.insert(document);
        } catch (DuplicateKeyException e) {
            return present(mongo.findById(id, PanelDocument.class), actor);
        }
        audit.record("panel.formed", "Panel", number, Map.of("subject", request.subjectNumber(),
                "members", String.join(",", employeeSide) + " | " + String.join(",", reviewSide)));
        String due = MINUTE.format(closesAt.atZone(zone()));
        for (Seat seat : seats) {
            notifications.notify(noticeId(id, "seat-" + seat.employeeId()), seat.employeeId(), "panel.notice.seat",
                    List.of(number, request.subjectNumber(), due), link(id));
        }
        return present(document, actor);
    }

    // ---- reading ------------------------------------------------------------------------

    @PreAuthorize("isAuthenticated()")
    public Panel get(UUID id) {
        Actor actor = CurrentActor.required();
        return present(visible(id, actor), actor);
    }

    /** The panels where the caller holds a seat, newest first ("my ballots"). */
    @PreAuthorize("isAuthenticated()")
    public Window<Panel> mine(ScrollPosition position, int size) {
        Actor actor = CurrentActor.required();
        Query query = new Query(Criteria.where("seats.employeeId").is(seatKey(actor)))
                .with(Sort.by(Sort.Order.desc("openedAt"), Sort.Order.desc("id"))).limit(size);
        return mongo.scroll(query.with(position), PanelDocument.class).map(d -> present(d, actor));
    }

    @PreAuthorize("isAuthenticated()")
    public long countMine() {
        return mongo.count(Query.query(Criteria.where("seats.employeeId").is(seatKey(CurrentActor.required()))),
                PanelDocument.class);
    }

    /** The panels the caller may see, newest first, optionally of one status. */
    @PreAuthorize("isAuthenticated()")
    public Window<Panel> search(PanelStatus status, ScrollPosition position, int size) {
        Actor actor = CurrentActor.required();
        Query query = new Query(criteria(status, actor))
                .with(Sort.by(Sort.Order.desc("openedAt"), Sort.Order.desc("id"))).limit(size);
        return mongo.scroll(query.with(position), PanelDocument.class).map(d -> present(d, actor));
    }

    @PreAuthorize("isAuthenticated()")
    public long count(PanelStatus status) {
        return mongo.count(new Query(criteria(status, CurrentActor.required())), PanelDocument.class);
    }

    /** Whether a ballot with this receipt is in the panel's box (cast, and counted once closed). */
    @PreAuthorize("isAuthenticated()")
    public boolean receiptCounted(UUID panelId, String receipt) {
        var document = visible(panelId, CurrentActor.required());
        String wanted = receipt == null ? "" : receipt.strip().toUpperCase(java.util.Locale.ROOT);
        return document.ballots().stream().anyMatch(b -> b.receipt().equals(wanted));
    }

    // ---- voting -------------------------------------------------------------------------

    /**
     * Casts the caller's ballot: one conditional update pushes the voter tag and the ballot
     * together, so exactly one of many concurrent casts by a member succeeds. The receipt is
     * returned once and kept nowhere with the member. The last ballot closes the panel.
     */
    @StaffOnly
    public CastReceipt cast(UUID panelId, Choice choice) {
        Actor actor = CurrentActor.requirePerson();
        if (choice == null) {
            throw OmbudException.badRequest("REQUIRED", "choice", "{0} is required", "choice");
        }
        String member = actor.employeeId();
        Instant now = clock.instant();
        String tag = seal.voterTag(panelId, member);
        String receipt = seal.newReceipt();
        Query open = Query.query(Criteria.where("_id").is(panelId).and("status").is(PanelStatus.VOTING)
                .and("closesAt").gt(now).and("seats.employeeId").is(member).and("voted").ne(tag)
                .and("keyId").is(seal.keyId()));
        Update cast = new Update().inc("version", 1);
        cast.push("voted").sort(Sort.Direction.ASC).each(tag);
        cast.push("ballots").sort(Sort.by("receipt")).each(new Ballot(receipt, seal.seal(panelId, receipt, choice)));
        var after = mongo.findAndModify(open, cast, FindAndModifyOptions.options().returnNew(true),
                PanelDocument.class);
        if (after == null) {
            throw refusal(panelId, actor, tag, now);
        }
        audit.record("panel.ballot-cast", "Panel", after.number(), Map.of());
        PanelStatus status = after.status();
        if (after.voted().size() >= after.seats().size()) {
            status = close(panelId, CloseReason.ALL_VOTED, now);
        }
        return new CastReceipt(panelId, receipt, after.voted().size(), after.seats().size(), status);
    }

    /** Why a cast was refused, checked in the order a member would want to hear it. */
    private OmbudException refusal(UUID panelId, Actor actor, String tag, Instant now) {
        var document = visible(panelId, actor);
        if (!document.seated(actor.employeeId())) {
            return OmbudException.forbidden("PANEL_NOT_MEMBER", "You hold no seat on panel {0}", document.number());
        }
        if (document.voted().contains(tag)) {
            return OmbudException.conflict("BALLOT_ALREADY_CAST", "You have voted on panel {0} already",
                    document.number());
        }
        if (document.status() != PanelStatus.VOTING || !document.closesAt().isAfter(now)) {
            return OmbudException.conflict("PANEL_CLOSED", "Voting on panel {0} has ended", document.number());
        }
        if (!seal.keyId().equals(document.keyId())) {
            log.error("Panel {} was formed with ballot key {}, this instance has {}: set the same OMBUD_PANEL_BALLOT_KEY "
                    + "on every instance", document.number(), document.keyId(), seal.keyId());
            return OmbudException.conflict("BALLOT_KEY_MISMATCH",
                    "Ballots of panel {0} cannot be taken on this server; tell the administrator", document.number());
        }
        return OmbudException.conflict("CONCURRENT_UPDATE",
                "Someone else changed this record meanwhile; reload and try again");
    }

    /** The site manager's final decision on a panel that closed undecided. */
    @PreAuthorize("hasRole('SITE_MANAGER')")
    public Panel decideAsSiteManager(UUID panelId, Choice decision, String reason, Long expectedVersion) {
        Actor actor = CurrentActor.requirePerson();
        String why = TextInput.optional(reason, "reason", TextInput.Kind.NOTE);
        var document = visible(panelId, actor);
        if (expectedVersion != null && !expectedVersion.equals(document.version())) {
            throw concurrent();
        }
        if (decision == null) {
            throw OmbudException.badRequest("REQUIRED", "decision", "{0} is required", "decision");
        }
        if (why == null) {
            throw OmbudException.badRequest("REQUIRED", "reason", "{0} is required", "reason");
        }
        String me = me(actor);
        if (document.excluded().contains(me) || document.seated(me)) {
            throw OmbudException.forbidden("PANEL_DECIDER_NOT_IMPARTIAL",
                    "A member of panel {0}, the accused or an original judge cannot decide it", document.number());
        }
        document.decideAsSiteManager(decision, why, actor, clock.instant());
        PanelDocument saved;
        try {
            saved = mongo.save(document);
        } catch (OptimisticLockingFailureException e) {
            throw concurrent();
        }
        audit.record("panel.site-manager-decided", "Panel", saved.number(), Map.of("decision", decision.name()));
        announce(saved, "panel.notice.decided");
        deliver(saved.id());
        return present(mongo.findById(panelId, PanelDocument.class), actor);
    }

    // ---- jobs ---------------------------------------------------------------------------

    /** Closes the panels whose window has ended (job; safe to repeat). */
    public int closeDue(Instant now) {
        Query query = Query.query(Criteria.where("status").is(PanelStatus.VOTING).and("closesAt").lte(now))
                .limit(BATCH);
        int closed = 0;
        for (var document : mongo.find(query, PanelDocument.class)) {
            if (close(document.id(), CloseReason.WINDOW_ENDED, now) != PanelStatus.VOTING) {
                closed++;
            }
        }
        return closed;
    }

    /** A day before the window ends, reminds the members who have not voted (job; once per panel). */
    public int remindDue(Instant now) {
        Query query = Query.query(Criteria.where("status").is(PanelStatus.VOTING).and("reminderSentAt").is(null)
                .and("closesAt").lte(now.plus(REMIND_BEFORE)).gt(now)).limit(BATCH);
        int reminded = 0;
        for (var document : mongo.find(query, PanelDocument.class)) {
            String due = MINUTE.format(document.closesAt().atZone(zone()));
            for (Seat seat : document.seats()) {
                if (!document.voted().contains(seal.voterTag(document.id(), seat.employeeId()))) {
                    notifications.notify(noticeId(document.id(), "remind-" + seat.employeeId()), seat.employeeId(),
                            "panel.notice.reminder", List.of(document.number(), due), link(document.id()));
                    reminded++;
                }
            }
            mongo.updateFirst(Query.query(Criteria.where("_id").is(document.id()).and("reminderSentAt").is(null)),
                    new Update().set("reminderSentAt", now), PanelDocument.class);
        }
        return reminded;
    }

    /** Hands final decisions that no listener took yet to the disputed record's module (job). */
    public int deliverDecisions() {
        Query query = Query.query(Criteria.where("status").is(PanelStatus.DECIDED).and("outcomeDeliveredAt").is(null))
                .limit(BATCH);
        int delivered = 0;
        for (var document : mongo.find(query, PanelDocument.class)) {
            delivered += deliver(document.id()) ? 1 : 0;
        }
        return delivered;
    }

    // ---- internals ----------------------------------------------------------------------

    /**
     * Ends voting: opens the sealed ballots once, finds the outcome and stores it with one update
     * conditional on the version read, so a ballot that lands meanwhile is counted on the retry.
     * Returns the panel's status afterwards.
     */
    private PanelStatus close(UUID panelId, CloseReason reason, Instant now) {
        for (int attempt = 0; attempt < 10; attempt++) {
            var document = mongo.findById(panelId, PanelDocument.class);
            if (document == null || document.status() != PanelStatus.VOTING) {
                return document == null ? PanelStatus.VOTING : document.status();
            }
            if (!seal.keyId().equals(document.keyId())) {
                log.error("Panel {} cannot be counted: it was formed with ballot key {}, this instance has {}",
                        document.number(), document.keyId(), seal.keyId());
                return PanelStatus.VOTING;
            }
            List<Choice> choices = document.ballots().stream()
                    .map(b -> seal.open(panelId, b.receipt(), b.sealed())).toList();
            PanelOutcome outcome = PanelDocument.count(choices, document.quorum());
            PanelStatus next = outcome == PanelOutcome.UNDECIDED ? PanelStatus.AWAITING_SITE_MANAGER
                    : PanelStatus.DECIDED;
            Update update = new Update().set("status", next).set("outcome", outcome).set("closeReason", reason)
                    .set("closedAt", now).push("timeline", new PanelEntry(now, Actor.SYSTEM.subject(),
                            Actor.SYSTEM.name(), "closed", reason.name() + " · " + outcome.name()))
                    .inc("version", 1);
            if (next == PanelStatus.DECIDED) {
                update.set("finalDecision", outcome == PanelOutcome.UPHELD ? Choice.UPHOLD : Choice.OVERTURN)
                        .set("decidedBy", DecidedBy.PANEL).set("decidedAt", now);
            }
            var result = mongo.updateFirst(Query.query(Criteria.where("_id").is(panelId)
                    .and("status").is(PanelStatus.VOTING).and("version").is(document.version())), update,
                    PanelDocument.class);
            if (result.getModifiedCount() == 1) {
                audit.record(Actor.SYSTEM, "panel.closed", "Panel", document.number(),
                        Map.of("reason", reason.name(), "outcome", outcome.name()));
                var closed = mongo.findById(panelId, PanelDocument.class);
                if (next == PanelStatus.AWAITING_SITE_MANAGER) {
                    for (String manager : CurrentActor.runAsSystem(() ->
                            directory.activeEmployeeIdsWithRole(Role.SITE_MANAGER))) {
                        notifications.notify(noticeId(panelId, "undecided-" + manager), manager,
                                "panel.notice.undecided", List.of(document.number(), document.subjectNumber()),
                                link(panelId));
                    }
                    announce(closed, "panel.notice.undecided");
                } else {
                    announce(closed, "panel.notice.decided");
                    deliver(panelId);
                }
                return next;
            }
        }
        throw concurrent();
    }

    /** Tells members and parties what became of the panel. */
    private void announce(PanelDocument document, String key) {
        Set<String> people = new LinkedHashSet<>(document.parties());
        document.seats().forEach(s -> people.add(s.employeeId()));
        for (String person : people) {
            notifications.notify(noticeId(document.id(), key + "-" + person), person, key,
                    List.of(document.number(), document.subjectNumber()), link(document.id()));
        }
    }

    /** Publishes the final decision; marks it delivered only when every listener took it. */
    private boolean deliver(UUID panelId) {
        var document = mongo.findById(panelId, PanelDocument.class);
        if (document == null || document.finalDecision() == null || document.outcomeDeliveredAt() != null) {
            return false;
        }
        try {
            CurrentActor.runAsSystem(() -> {
                events.publishEvent(new PanelDecided(document.id(), document.number(), document.subjectType(),
                        document.subjectId(), document.subjectNumber(), document.finalDecision(),
                        document.decidedBy(), document.decidedAt()));
                return null;
            });
        } catch (RuntimeException e) {
            log.warn("Panel {}: its decision could not be applied to {} yet; it is tried again later",
                    document.number(), document.subjectNumber(), e);
            return false;
        }
        // by collection name: handing the decision over is not a change of the panel
        mongo.updateFirst(Query.query(Criteria.where("_id").is(panelId).and("outcomeDeliveredAt").is(null)),
                new Update().set("outcomeDeliveredAt", clock.instant()), mongo.getCollectionName(PanelDocument.class));
        return true;
    }

    private Panel present(PanelDocument document, Actor actor) {
        String me = actor.employeeId();
        boolean seated = document.seated(me);
        boolean voted = seated && document.voted().contains(seal.voterTag(document.id(), me));
        Panel view = document.view(seated, voted);
        return PersonalData.hiddenFrom(actor) ? PersonalData.maskTexts(view) : view;
    }

    /**
     * Who may see a panel: its members and parties; review staff, whitelist owners, site
     * managers, leadership, admins and BI readers. None of them sees a choice.
     */
    private Criteria visibility(Actor actor) {
        if (actor.kind() == Actor.Kind.SYSTEM || actor.hasAny(Role.ADMIN, Role.SITE_MANAGER, Role.WHITELIST_OWNER,
                Role.REVIEWER, Role.LEADERSHIP, Role.BI_READER)) {
            return new Criteria();
        }
        String me = seatKey(actor);
        return new Criteria().orOperator(Criteria.where("seats.employeeId").is(me), Criteria.where("parties").is(me));
    }

    private Criteria criteria(PanelStatus status, Actor actor) {
        return status == null ? visibility(actor)
                : new Criteria().andOperator(visibility(actor), Criteria.where("status").is(status));
    }

    private PanelDocument visible(UUID id, Actor actor) {
        var document = mongo.findOne(Query.query(new Criteria().andOperator(Criteria.where("_id").is(id),
                visibility(actor))), PanelDocument.class);
        if (document == null) {
            throw OmbudException.notFound("PANEL_NOT_FOUND", "No panel {0} that you may see", id);
        }
        return document;
    }

    private static String me(Actor actor) {
        return actor.employeeId() != null ? actor.employeeId() : actor.subject();
    }

    /**
     * Seats and parties are people: only a person's employee ID matches them, never the name of an
     * API client (which an admin could have chosen to look like an employee ID).
     */
    private static String seatKey(Actor actor) {
        return actor.employeeId() != null ? actor.employeeId() : "\u0000no-person";
    }

    private ZoneId zone() {
        return policy.calendar().zone();
    }

    private static String link(UUID panelId) {
        return "panels/" + panelId;
    }

    private static UUID noticeId(UUID panelId, String what) {
        return UUID.nameUUIDFromBytes((panelId + "/" + what).getBytes(StandardCharsets.UTF_8));
    }

    private static OmbudException concurrent() {
        return OmbudException.conflict("CONCURRENT_UPDATE",
                "Someone else changed this record meanwhile; reload and try again");
    }
}
