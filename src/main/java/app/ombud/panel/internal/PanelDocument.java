package app.ombud.panel.internal;

import app.ombud.panel.Choice;
import app.ombud.panel.CloseReason;
import app.ombud.panel.DecidedBy;
import app.ombud.panel.Panel;
import app.ombud.panel.PanelEntry;
import app.ombud.panel.PanelOutcome;
import app.ombud.panel.PanelStatus;
import app.ombud.panel.PanelStep;
import app.ombud.panel.Seat;
import app.ombud.panel.SiteManagerDecision;
import app.ombud.platform.Actor;
import app.ombud.platform.OmbudException;
import app.ombud.platform.StepGuard;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A dispute panel with its ballot box in one document (DESIGN.md §5), so casting a ballot is one
 * conditional update: the seats (public), the voter tags of those who voted (HMACs, never the
 * members), and the ballots (receipt and sealed choice, sorted by receipt). Its steps' rules are
 * {@link #refusal} (one per {@link PanelStep}); its state changes are {@link #open},
 * {@link #close} and {@link #decideAsSiteManager}, saved with the version. Casting stays one
 * conditional update ({@link PanelFields#castable}) so that a member votes once however many
 * requests race; it changes no status.
 */
@CompoundIndexes({
    @CompoundIndex(name = "openedAt", def = "{'openedAt': -1, '_id': 1}"),
    @CompoundIndex(name = "seatsEmployeeId_openedAt", def = "{'seats.employeeId': 1, 'openedAt': -1, '_id': 1}"),
    @CompoundIndex(name = "seatsEmployeeId_status_closesAt",
            def = "{'seats.employeeId': 1, 'status': 1, 'closesAt': 1, '_id': 1}"),
    @CompoundIndex(name = "status_closes", def = "{'status': 1, 'closesAt': 1}"),
    @CompoundIndex(name = "status_openedAt", def = "{'status': 1, 'openedAt': -1, '_id': 1}")
})
@Document("panels")
public class PanelDocument implements StepGuard<PanelStep, PanelCaller> {

    @Id
    private final UUID id;
    @Indexed(unique = true)
    private final String number;
    private final String subjectType;
    private final UUID subjectId;
    private final String subjectNumber;
    private final String question;
    private PanelStatus status;
    private final List<Seat> seats;
    private final Set<String> excluded;
    private final Set<String> parties;
    private final List<String> voted;
    private final List<Ballot> ballots;
    private final String keyId;
    private final int quorum;
    private final int policyVersion;
    private final Instant openedAt;
    private final Instant closesAt;
    private Instant closedAt;
    private CloseReason closeReason;
    private PanelOutcome outcome;
    private SiteManagerDecision siteManagerDecision;
    private Choice finalDecision;
    private DecidedBy decidedBy;
    private Instant decidedAt;
    private Instant outcomeDeliveredAt;
    private Instant reminderSentAt;
    private final List<PanelEntry> timeline;
    @Version
    private Long version;

    @PersistenceCreator
    PanelDocument(UUID id, String number, String subjectType, UUID subjectId, String subjectNumber, String question,
            PanelStatus status, List<Seat> seats, Set<String> excluded, Set<String> parties, List<String> voted,
            List<Ballot> ballots, String keyId, int quorum, int policyVersion, Instant openedAt, Instant closesAt,
            Instant closedAt, CloseReason closeReason, PanelOutcome outcome, SiteManagerDecision siteManagerDecision,
            Choice finalDecision, DecidedBy decidedBy, Instant decidedAt, Instant outcomeDeliveredAt,
            Instant reminderSentAt, List<PanelEntry> timeline, Long version) {
        this.id = id;
        this.number = number;
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.subjectNumber = subjectNumber;
        this.question = question;
        this.status = status;
        this.seats = seats == null ? List.of() : List.copyOf(seats);
        this.excluded = excluded == null ? Set.of() : Set.copyOf(excluded);
        this.parties = parties == null ? Set.of() : Set.copyOf(parties);
        this.voted = voted == null ? List.of() : List.copyOf(voted);
        this.ballots = ballots == null ? List.of() : List.copyOf(ballots);
        this.keyId = keyId;
        this.quorum = quorum;
        this.policyVersion = policyVersion;
        this.openedAt = openedAt;
        this.closesAt = closesAt;
        this.closedAt = closedAt;
        this.closeReason = closeReason;
        this.outcome = outcome;
        this.siteManagerDecision = siteManagerDecision;
        this.finalDecision = finalDecision;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
        this.outcomeDeliveredAt = outcomeDeliveredAt;
        this.reminderSentAt = reminderSentAt;
        this.timeline = timeline == null ? new ArrayList<>() : new ArrayList<>(timeline);
        this.version = version;
    }

    /** A panel open for voting from now until {@code closesAt}, with an empty ballot box. */
    public static PanelDocument open(UUID id, String number, String subjectType, UUID subjectId, String subjectNumber,
            String question, List<Seat> seats, Set<String> excluded, Set<String> parties, String keyId, int quorum,
            int policyVersion, Instant closesAt, Actor actor, Instant now) {
        var document = new PanelDocument(id, number, subjectType, subjectId, subjectNumber, question,
                PanelStatus.VOTING, seats, excluded, parties, List.of(), List.of(), keyId, quorum, policyVersion, now,
                closesAt, null, null, null, null, null, null, null, null, null, List.of(), null);
        document.timeline.add(new PanelEntry(now, actor.subject(), actor.name(), "formed", subjectNumber, List.of()));
        return document;
    }

    /** The outcome of the choices in the box: a majority of cast ballots, if there are at least {@code quorum}. */
    public static PanelOutcome count(List<Choice> choices, int quorum) {
        long uphold = choices.stream().filter(c -> c == Choice.UPHOLD).count();
        long overturn = choices.size() - uphold;
        if (choices.size() < quorum || uphold == overturn) {
            return PanelOutcome.UNDECIDED;
        }
        return uphold > overturn ? PanelOutcome.UPHELD : PanelOutcome.OVERTURNED;
    }

    @Override
    public Class<PanelStep> stepType() {
        return PanelStep.class;
    }

    /** The rule of each step: who may take it on this panel now. */
    @Override
    public Optional<OmbudException> refusal(PanelStep step, PanelCaller caller) {
        return switch (step) {
            case CAST -> !caller.seated()
                    ? refuse(OmbudException.forbidden("PANEL_NOT_MEMBER", "You hold no seat on panel {0}", number))
                    : caller.voted() ? refuse(OmbudException.conflict("BALLOT_ALREADY_CAST",
                            "You have voted on panel {0} already", number))
                    : !votingAt(caller.now()) ? refuse(OmbudException.conflict("PANEL_CLOSED",
                            "Voting on panel {0} has ended", number))
                    : Optional.empty();
            case DECIDE_AS_SITE_MANAGER -> !caller.person() || !caller.siteManager()
                    ? refuse(OmbudException.forbidden("PANEL_DECIDER_NOT_SITE_MANAGER",
                            "Only a site manager decides an undecided panel"))
                    : caller.seated() || caller.excluded() ? refuse(OmbudException.forbidden(
                            "PANEL_DECIDER_NOT_IMPARTIAL",
                            "A member of panel {0}, the accused or an original judge cannot decide it", number))
                    : status != PanelStatus.AWAITING_SITE_MANAGER ? refuse(OmbudException.conflict(
                            "PANEL_NOT_UNDECIDED", "Panel {0} is not waiting for the site manager", number))
                    : Optional.empty();
        };
    }

    private static Optional<OmbudException> refuse(OmbudException refusal) {
        return Optional.of(refusal);
    }

    /** Whether ballots are taken at {@code now}: the panel votes and its window has not ended. */
    public boolean votingAt(Instant now) {
        return status == PanelStatus.VOTING && closesAt.isAfter(now);
    }

    /**
     * Ends voting with the outcome of the opened ballots: a majority decides the panel, a tie or
     * too few ballots leave it to the site manager. Returns the status afterwards.
     */
    public PanelStatus close(PanelOutcome counted, CloseReason reason, Instant now) {
        PanelStatus next = counted == PanelOutcome.UNDECIDED ? PanelStatus.AWAITING_SITE_MANAGER : PanelStatus.DECIDED;
        if (!status.canMoveTo(next)) {
            throw OmbudException.conflict("PANEL_CLOSED", "Voting on panel {0} has ended", number);
        }
        status = next;
        outcome = counted;
        closeReason = reason;
        closedAt = now;
        if (next == PanelStatus.DECIDED) {
            finalDecision = counted == PanelOutcome.UPHELD ? Choice.UPHOLD : Choice.OVERTURN;
            decidedBy = DecidedBy.PANEL;
            decidedAt = now;
        }
        timeline.add(new PanelEntry(now, Actor.SYSTEM.subject(), Actor.SYSTEM.name(), "closed", null,
                List.of(reason.name(), counted.name())));
        return status;
    }

    /** The site manager's final decision on an undecided panel; the command has required the step. */
    public void decideAsSiteManager(Choice decision, String reason, Actor actor, Instant now) {
        if (status != PanelStatus.AWAITING_SITE_MANAGER || !status.canMoveTo(PanelStatus.DECIDED)) {
            throw OmbudException.conflict("PANEL_NOT_UNDECIDED",
                    "Panel {0} is not waiting for the site manager", number);
        }
        status = PanelStatus.DECIDED;
        siteManagerDecision = new SiteManagerDecision(decision, reason, actor.subject(), actor.name(), now);
        finalDecision = decision;
        decidedBy = DecidedBy.SITE_MANAGER;
        decidedAt = now;
        timeline.add(new PanelEntry(now, actor.subject(), actor.name(), "site-manager-decided", reason, List.of()));
    }

    public boolean seated(String employeeId) {
        return employeeId != null && seats.stream().anyMatch(s -> s.employeeId().equals(employeeId));
    }

    /** The reader's view: receipts only once voting has ended, and the steps the reader may take. */
    public Panel view(PanelCaller reader) {
        return new Panel(id, number, subjectType, subjectId, subjectNumber, question, status, seats, voted.size(),
                reader.seated(), reader.voted(), quorum, openedAt, closesAt, closedAt, closeReason, outcome,
                status == PanelStatus.VOTING ? null : ballots.stream().map(Ballot::receipt).toList(),
                siteManagerDecision, finalDecision, decidedBy, decidedAt, List.copyOf(timeline),
                allowedSteps(reader), version == null ? 0 : version);
    }

    public UUID id() {
        return id;
    }

    public String number() {
        return number;
    }

    public String subjectType() {
        return subjectType;
    }

    public UUID subjectId() {
        return subjectId;
    }

    public String subjectNumber() {
        return subjectNumber;
    }

    public PanelStatus status() {
        return status;
    }

    public List<Seat> seats() {
        return seats;
    }

    public Set<String> excluded() {
        return excluded;
    }

    public Set<String> parties() {
        return parties;
    }

    public List<String> voted() {
        return voted;
    }

    public List<Ballot> ballots() {
        return ballots;
    }

    public String keyId() {
        return keyId;
    }

    public int quorum() {
        return quorum;
    }

    public Instant closesAt() {
        return closesAt;
    }

    public PanelOutcome outcome() {
        return outcome;
    }

    public Choice finalDecision() {
        return finalDecision;
    }

    public DecidedBy decidedBy() {
        return decidedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public Instant outcomeDeliveredAt() {
        return outcomeDeliveredAt;
    }

    public Long version() {
        return version;
    }
}
