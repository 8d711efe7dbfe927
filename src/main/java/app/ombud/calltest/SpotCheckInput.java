package app.ombud.calltest;

import java.time.Instant;
import java.util.UUID;

/** A spot check (不定期抽查) added by hand: an agent of a team, a channel, a time in the plan's quarter. */
public record SpotCheckInput(UUID teamId, CallChannel channel, String agentEmployeeId, Instant at, String note) {
}
