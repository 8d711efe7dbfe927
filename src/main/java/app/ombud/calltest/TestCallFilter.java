package app.ombud.calltest;

import java.time.Instant;
import java.util.UUID;

/**
 * Narrows the test-call list; null fields do not filter. {@code from} inclusive, {@code to} exclusive.
 * The department and scenario type are the ones the call was recorded with, as the statistics group
 * them.
 */
public record TestCallFilter(UUID planId, UUID teamId, String agentEmployeeId, CallChannel channel,
        TestCallStatus status, Instant from, Instant to, UUID departmentId, ScenarioType scenarioType) {

    public static final TestCallFilter ALL = new TestCallFilter(null, null, null, null, null, null, null);

    /** A filter by neither department nor scenario type. */
    public TestCallFilter(UUID planId, UUID teamId, String agentEmployeeId, CallChannel channel, TestCallStatus status,
            Instant from, Instant to) {
        this(planId, teamId, agentEmployeeId, channel, status, from, to, null, null);
    }
}
