package app.ombud.calltest;

import java.util.List;
import java.util.UUID;

/**
 * One stratum of a draw: a team × channel, its quota and the agents eligible when it was drawn
 * (sorted). A re-test's stratum ({@code retestOf}, quota 1) comes after the quota's strata.
 */
public record Stratum(UUID teamId, CallChannel channel, int quota, List<String> eligibleAgents, RetestOf retestOf) {

    /** A stratum of the month's quota. */
    public Stratum(UUID teamId, CallChannel channel, int quota, List<String> eligibleAgents) {
        this(teamId, channel, quota, eligibleAgents, null);
    }
}
