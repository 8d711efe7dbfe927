package app.ombud.panel;

import app.ombud.directory.DirectoryService;
import app.ombud.directory.Person;
import app.ombud.directory.PersonFilter;
import app.ombud.notification.NotificationService;
import app.ombud.panel.internal.Ballot;
import app.ombud.panel.internal.BallotSeal;
import app.ombud.panel.internal.PanelCaller;
import app.ombud.panel.internal.PanelClosing;
import app.ombud.panel.internal.PanelDocument;
import app.ombud.panel.internal.PanelFields;
import app.ombud.platform.Actor;
import app.ombud.platform.AuditTrail;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.NoticeIds;
import app.ombud.platform.OmbudException;
import app.ombud.platform.PersonalData;
import app.ombud.platform.Role;
import app.ombud.platform.Sequences;
import app.ombud.platform.StaffOnly;
import app.ombud.platform.TextInput;
import app.ombud.policy.PolicyService;
import app.ombud.policy.PolicyVersion;
import app.ombud.policy.ReviewWindows;
import java.time.Clock;
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
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
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
    private static final int SCAN = 200;
    /** A member holds one of these roles (staff, who may vote), and none that bars them ({@link #ineligibility}). */
    private static final Set<Role> SITTING_ROLES = EnumSet.of(Role.AGENT, Role.TEAM_LEAD, Role.REVIEWER,
            Role.DEPT_HEAD, Role.SUPERIOR, Role.LEADERSHIP, Role.CALLTEST_STAFF);

    private final MongoTemplate mongo;
    private final BallotSeal seal;
    private final PanelClosing closing;
    private final DirectoryService directory;
    private final PolicyService policy;
    private final NotificationService notifications;
    private final Sequences sequences;
    private final AuditTrail audit;
    private final Clock clock;

    PanelService(MongoTemplate mongo, BallotSeal seal, PanelClosing closing, DirectoryService directory,
            PolicyService policy, NotificationService notifications, Sequences sequences, AuditTrail audit,
            Clock clock) {
        this.mongo = mongo;
        this.seal = seal;
        this.closing = closing;
        this.directory = directory;
        this.policy = policy;
        this.notifications = notifications;
        this.sequences = sequences;
        this.audit = audit;
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
            notifications.notify(NoticeIds.of(id, "seat-" + seat.employeeId()), seat.employeeId(),
                    "panel.notice.seat", List.of(number, request.subjectNumber(), due), PanelClosing.link(id));
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
        Query query = new Query(PanelFields.seated(seatKey(actor))).with(PanelFields.newestFirst()).limit(size);
        return mongo.scroll(query.with(position), PanelDocument.class).map(d -> present(d, actor));
    }

    @PreAuthorize("isAuthenticated()")
    public long countMine() {
        return mongo.count(new Query(PanelFields.seated(seatKey(CurrentActor.required()))), PanelDocument.class);
    }

    /** The panels the caller may see, newest first, optionally of one status. */
    @PreAuthorize("isAuthenticated()")
    public Window<Panel> search(PanelStatus status, ScrollPosition position, int size) {
        Actor actor = CurrentActor.required();
        Query query = new Query(PanelFields.withStatus(visibility(actor), status)).with(PanelFields.newestFirst())
                .limit(size);
        return mongo.scroll(query.with(position), PanelDocument.class).map(d -> present(d, actor));
    }

    @PreAuthorize("isAuthenticated()")
    public long count(PanelStatus status) {
        return mongo.count(new Query(PanelFields.withStatus(visibility(CurrentActor.required()), status)),
                PanelDocument.class);
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
        Instant now = clock.instant();
        requireCast(visible(panelId, actor), actor, now);
        String member = actor.employeeId();
        String tag = seal.voterTag(panelId, member);
        String receipt = seal.newReceipt();
        var after = mongo.findAndModify(PanelFields.castable(panelId, member, tag, seal.keyId(), now),
                PanelFields.cast(tag, new Ballot(receipt, seal.seal(panelId, receipt, choice))),
                FindAndModifyOptions.options().returnNew(true), PanelDocument.class);
        if (after == null) {
            // another request of the member's, or the closing, came first: say which
            requireCast(visible(panelId, actor), actor, now);
            throw OmbudException.concurrentUpdate();
        }
        audit.record("panel.ballot-cast", "Panel", after.number(), Map.of());
        PanelStatus status = after.status();
        if (after.voted().size() >= after.seats().size()) {
            status = closing.close(panelId, CloseReason.ALL_VOTED, now, closing.siteManagers());
        }
        return new CastReceipt(panelId, receipt, after.voted().size(), after.seats().size(), status);
    }

    /** The CAST rule, then whether this instance can seal ballots for the panel. */
    private void requireCast(PanelDocument document, Actor actor, Instant now) {
        document.require(PanelStep.CAST, PanelCaller.of(actor, document, seal, now));
        if (!seal.keyId().equals(document.keyId())) {
            log.error("Panel {} was formed with ballot key {}, this instance has {}: set the same OMBUD_PANEL_BALLOT_KEY "
                    + "on every instance", document.number(), document.keyId(), seal.keyId());
            throw OmbudException.conflict("BALLOT_KEY_MISMATCH",
                    "Ballots of panel {0} cannot be taken on this server; tell the administrator", document.number());
        }
    }

    /** The site manager's final decision on a panel that closed undecided. */
    @PreAuthorize("hasRole('SITE_MANAGER')")
    public Panel decideAsSiteManager(UUID panelId, Choice decision, String reason, Long expectedVersion) {
        Actor actor = CurrentActor.requirePerson();
        String why = TextInput.optional(reason, "reason", TextInput.Kind.NOTE);
        var document = visible(panelId, actor);
        if (expectedVersion != null && !expectedVersion.equals(document.version())) {
            throw OmbudException.concurrentUpdate();
        }
        if (decision == null) {
            throw OmbudException.badRequest("REQUIRED", "decision", "{0} is required", "decision");
        }
        if (why == null) {
            throw OmbudException.badRequest("REQUIRED", "reason", "{0} is required", "reason");
        }
        Instant now = clock.instant();
        document.require(PanelStep.DECIDE_AS_SITE_MANAGER, PanelCaller.of(actor, document, seal, now));
        document.decideAsSiteManager(decision, why, actor, now);
        PanelDocument saved;
        try {
            saved = mongo.save(document);
        } catch (OptimisticLockingFailureException e) {
            throw OmbudException.concurrentUpdate();
        }
        audit.record("panel.site-manager-decided", "Panel", saved.number(), Map.of("decision", decision.name()));
        closing.announce(saved, "panel.notice.decided");
        closing.deliver(saved.id());
        return present(mongo.findById(panelId, PanelDocument.class), actor);
    }

    // ---- internals ----------------------------------------------------------------------

    private Panel present(PanelDocument document, Actor actor) {
        Panel view = document.view(PanelCaller.of(actor, document, seal, clock.instant()));
        return PersonalData.hiddenFrom(actor) ? PersonalData.maskTexts(view) : view;
    }

    /**
     * Who may see a panel: its members and parties; review staff, whitelist owners, site
     * managers, leadership, admins and BI readers. None of them sees a choice.
     */
    private static Criteria visibility(Actor actor) {
        if (actor.kind() == Actor.Kind.SYSTEM || actor.hasAny(Role.ADMIN, Role.SITE_MANAGER, Role.WHITELIST_OWNER,
                Role.REVIEWER, Role.LEADERSHIP, Role.BI_READER)) {
            return PanelFields.all();
        }
        return PanelFields.seatedOrParty(seatKey(actor));
    }

    private PanelDocument visible(UUID id, Actor actor) {
        var document = mongo.findOne(PanelFields.one(id, visibility(actor)), PanelDocument.class);
        if (document == null) {
            throw OmbudException.notFound("PANEL_NOT_FOUND", "No panel {0} that you may see", id);
        }
        return document;
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
}
