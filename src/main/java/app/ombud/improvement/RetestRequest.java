package app.ombud.improvement;

import java.util.UUID;

/** A re-test to require when raising an action: the scenario (a reference in the test-call library) and the team. */
public record RetestRequest(String scenarioRef, UUID teamId) {
}
