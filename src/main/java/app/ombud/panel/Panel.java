package app.ombud.panel;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A panel as a reader sees it. While voting it shows who sits, how many have voted and whether
 * the reader has; never a choice or a count by choice. After closing it adds the outcome and the
 * receipts of the counted ballots, so each member can check theirs is among them.
 * {@code receipts} is null while voting. {@code allowedSteps} are the steps the reader may take now.
 */
public record Panel(UUID id, String number, String subjectType, UUID subjectId, String subjectNumber,
        String question, PanelStatus status, List<Seat> seats, int votedCount, boolean viewerHoldsSeat,
        boolean viewerHasVoted, int quorum, Instant openedAt, Instant closesAt, Instant closedAt,
        CloseReason closeReason, PanelOutcome outcome, List<String> receipts, SiteManagerDecision siteManagerDecision,
        Choice finalDecision, DecidedBy decidedBy, Instant decidedAt, List<PanelEntry> timeline,
        Set<PanelStep> allowedSteps, long version) {

    public int seatCount() {
        return seats.size();
    }
}
