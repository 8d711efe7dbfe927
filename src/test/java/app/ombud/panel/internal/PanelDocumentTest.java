package app.ombud.panel.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ombud.panel.Choice;
import app.ombud.panel.CloseReason;
import app.ombud.panel.DecidedBy;
import app.ombud.panel.PanelEntry;
import app.ombud.panel.PanelOutcome;
import app.ombud.panel.PanelSide;
import app.ombud.panel.PanelStatus;
import app.ombud.panel.PanelStep;
import app.ombud.panel.Seat;
import app.ombud.platform.Actor;
import app.ombud.platform.OmbudException;
import app.ombud.platform.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The panel's step rules and state changes, without Spring: one rule per step, status written only here. */
class PanelDocumentTest {

    static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
    static final Instant CLOSES = NOW.plus(Duration.ofDays(3));
    static final Actor MANAGER = new Actor(Actor.Kind.PERSON, "m1", "刘海燕", "M1", Set.of(Role.SITE_MANAGER));

    static PanelDocument panel() {
        List<Seat> seats = new ArrayList<>();
        for (String m : List.of("E1", "E2", "E3")) {
            seats.add(new Seat(m, PanelSide.EMPLOYEE));
        }
        for (String m : List.of("R1", "R2", "R3")) {
            seats.add(new Seat(m, PanelSide.REVIEW));
        }
        return PanelDocument.open(UUID.randomUUID(), "PS-20261201-0001", "Review", UUID.randomUUID(),
                "BM-20261201-0001", "q", seats, Set.of("1701", "J1"), Set.of("1701"), "k1", 4, 1, CLOSES,
                MANAGER, NOW);
    }

    /** A caller at {@code at}: person, seated, voted, site manager, excluded, party. */
    static PanelCaller caller(boolean seated, boolean voted, boolean siteManager, boolean excluded, Instant at) {
        return new PanelCaller(true, seated, voted, siteManager, excluded, false, at);
    }

    static String refusal(PanelDocument document, PanelStep step, PanelCaller caller) {
        Optional<OmbudException> refusal = document.refusal(step, caller);
        return refusal.map(OmbudException::code).orElse("OK");
    }

    @Test
    void aSeatedMemberWhoHasNotVotedCastsWhileTheWindowIsOpen() {
        var document = panel();
        assertThat(refusal(document, PanelStep.CAST, caller(true, false, false, false, NOW))).isEqualTo("OK");
        assertThat(refusal(document, PanelStep.CAST, caller(false, false, true, false, NOW)))
                .isEqualTo("PANEL_NOT_MEMBER");
        assertThat(refusal(document, PanelStep.CAST, caller(true, true, false, false, NOW)))
                .isEqualTo("BALLOT_ALREADY_CAST");
        assertThat(refusal(document, PanelStep.CAST, caller(true, false, false, false, CLOSES)))
                .as("the window has ended").isEqualTo("PANEL_CLOSED");
        document.close(PanelOutcome.UNDECIDED, CloseReason.WINDOW_ENDED, CLOSES);
        assertThat(refusal(document, PanelStep.CAST, caller(true, false, false, false, NOW))).isEqualTo("PANEL_CLOSED");
    }

    @Test
    void onlyAnImpartialSiteManagerDecidesAndOnlyAnUndecidedPanel() {
        var document = panel();
        var impartial = caller(false, false, true, false, NOW);
        assertThat(refusal(document, PanelStep.DECIDE_AS_SITE_MANAGER, impartial)).as("while voting")
                .isEqualTo("PANEL_NOT_UNDECIDED");
        document.close(PanelOutcome.UNDECIDED, CloseReason.ALL_VOTED, NOW);
        assertThat(document.allowedSteps(impartial)).containsExactly(PanelStep.DECIDE_AS_SITE_MANAGER);
        assertThat(refusal(document, PanelStep.DECIDE_AS_SITE_MANAGER, caller(true, false, true, false, NOW)))
                .as("a seated site manager").isEqualTo("PANEL_DECIDER_NOT_IMPARTIAL");
        assertThat(refusal(document, PanelStep.DECIDE_AS_SITE_MANAGER, caller(false, false, true, true, NOW)))
                .as("the accused or a judge").isEqualTo("PANEL_DECIDER_NOT_IMPARTIAL");
        assertThat(refusal(document, PanelStep.DECIDE_AS_SITE_MANAGER, caller(false, false, false, false, NOW)))
                .isEqualTo("PANEL_DECIDER_NOT_SITE_MANAGER");
        assertThat(refusal(document, PanelStep.DECIDE_AS_SITE_MANAGER,
                new PanelCaller(false, false, false, true, false, false, NOW))).as("an API client")
                .isEqualTo("PANEL_DECIDER_NOT_SITE_MANAGER");
        assertThat(document.allowedSteps(caller(true, true, false, false, NOW))).as("a member after closing").isEmpty();
    }

    @Test
    void aMajorityDecidesAtClosingATieWaitsForTheSiteManagerWhoseDecisionIsFinal() {
        var decided = panel();
        assertThat(decided.close(PanelOutcome.OVERTURNED, CloseReason.WINDOW_ENDED, CLOSES))
                .isEqualTo(PanelStatus.DECIDED);
        assertThat(decided.finalDecision()).isEqualTo(Choice.OVERTURN);
        assertThat(decided.decidedBy()).isEqualTo(DecidedBy.PANEL);
        assertThat(decided.decidedAt()).isEqualTo(CLOSES);
        assertThat(decided.view(caller(false, false, false, false, CLOSES)).timeline())
                .extracting(PanelEntry::action).containsExactly("formed", "closed");
        assertThat(decided.view(caller(false, false, false, false, CLOSES)).timeline().get(1).args())
                .as("codes, rendered in the reader's language").containsExactly("WINDOW_ENDED", "OVERTURNED");
        assertThatThrownBy(() -> decided.close(PanelOutcome.UPHELD, CloseReason.ALL_VOTED, CLOSES))
                .isInstanceOfSatisfying(OmbudException.class, e -> assertThat(e.code()).isEqualTo("PANEL_CLOSED"));

        var tied = panel();
        assertThat(tied.close(PanelOutcome.UNDECIDED, CloseReason.ALL_VOTED, NOW))
                .isEqualTo(PanelStatus.AWAITING_SITE_MANAGER);
        assertThat(tied.finalDecision()).isNull();
        tied.decideAsSiteManager(Choice.UPHOLD, "录音显示已解释", MANAGER, NOW.plusSeconds(60));
        assertThat(tied.status()).isEqualTo(PanelStatus.DECIDED);
        assertThat(tied.finalDecision()).isEqualTo(Choice.UPHOLD);
        assertThat(tied.decidedBy()).isEqualTo(DecidedBy.SITE_MANAGER);
        assertThat(tied.view(caller(false, false, true, false, NOW)).siteManagerDecision().reason())
                .isEqualTo("录音显示已解释");
        assertThatThrownBy(() -> tied.decideAsSiteManager(Choice.OVERTURN, "改", MANAGER, NOW))
                .isInstanceOfSatisfying(OmbudException.class,
                        e -> assertThat(e.code()).isEqualTo("PANEL_NOT_UNDECIDED"));
    }

    @Test
    void theCountIsAMajorityOfCastBallotsAtOrAboveTheQuorum() {
        assertThat(PanelDocument.count(List.of(Choice.UPHOLD, Choice.UPHOLD, Choice.UPHOLD, Choice.OVERTURN), 4))
                .isEqualTo(PanelOutcome.UPHELD);
        assertThat(PanelDocument.count(List.of(Choice.UPHOLD, Choice.UPHOLD, Choice.UPHOLD), 4))
                .as("below the quorum").isEqualTo(PanelOutcome.UNDECIDED);
        assertThat(PanelDocument.count(List.of(Choice.UPHOLD, Choice.OVERTURN, Choice.UPHOLD, Choice.OVERTURN), 4))
                .as("a tie").isEqualTo(PanelOutcome.UNDECIDED);
        assertThat(PanelDocument.count(List.of(Choice.OVERTURN, Choice.OVERTURN, Choice.OVERTURN, Choice.UPHOLD), 4))
                .isEqualTo(PanelOutcome.OVERTURNED);
    }

    @Test
    void theCallerIsResolvedFromTheActorAndTheVoterTag(@TempDir Path dir) {
        var seal = new BallotSeal(Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes()),
                dir.resolve("unused.key"));
        var document = panel();
        var member = new Actor(Actor.Kind.PERSON, "e1", "成员", "E1", Set.of(Role.AGENT));
        var resolved = PanelCaller.of(member, document, seal, NOW);
        assertThat(resolved.seated()).isTrue();
        assertThat(resolved.voted()).isFalse();
        assertThat(document.view(resolved).allowedSteps()).containsExactly(PanelStep.CAST);
        var accused = PanelCaller.of(new Actor(Actor.Kind.PERSON, "a", "被投诉", "1701", Set.of(Role.AGENT,
                Role.SITE_MANAGER)), document, seal, NOW);
        assertThat(accused.excluded()).isTrue();
        assertThat(accused.party()).isTrue();
        assertThat(accused.seated()).isFalse();
        var client = PanelCaller.of(new Actor(Actor.Kind.CLIENT, "E1", "bi", null, Set.of(Role.SITE_MANAGER)), document,
                seal, NOW);
        assertThat(client.person()).isFalse();
        assertThat(client.seated()).as("a client named like a member holds no seat").isFalse();
    }
}
