package app.ombud.calltest;

import java.time.Instant;
import java.util.UUID;

/** Narrows the test-call list; null fields do not filter. {@code from} inclusive, {@code to} exclusive. */
public record TestCallFilter(UUID planId, UUID teamId, String agentEmployeeId, CallChannel channel,
        TestCallStatus status, Instant from, Instant to) {

    public static final TestCallFilter ALL = new TestCallFilter(null, null, null, null, null, null, null);
}
