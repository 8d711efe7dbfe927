package app.ombud.panel;

import java.util.UUID;

/**
 * What a member gets for a cast ballot: the receipt (shown once; Ombud keeps no link between the
 * member and it), how many have voted now and the panel's status (DECIDED or AWAITING_SITE_MANAGER
 * when this was the last ballot).
 */
public record CastReceipt(UUID panelId, String receipt, int votedCount, int seatCount, PanelStatus status) {
}
