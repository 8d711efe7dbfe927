package app.ombud.calltest;

import java.util.List;
import java.util.UUID;

/** One stratum of a draw: a team × channel, its quota and the agents eligible when it was drawn (sorted). */
public record Stratum(UUID teamId, CallChannel channel, int quota, List<String> eligibleAgents) {
}
