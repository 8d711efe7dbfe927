package app.ombud.improvement;

import java.util.UUID;

/**
 * An open action waiting for a passing re-test, for the test-call module's next draw: the same
 * scenario on the same team.
 */
public record PendingRetest(UUID actionId, String number, String scenarioRef, UUID teamId) {
}
