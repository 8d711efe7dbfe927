package app.ombud.calltest;

import java.util.UUID;

/**
 * The improvement action a re-test slot calls for (SPEC §4: the loop closes with a re-test): the
 * action's ID and number and the scenario to call again. A draw adds one such slot per open
 * action waiting for a re-test of one of the plan's scenarios on a team of its scope; the test
 * call recorded on it tells the action whether it met the thresholds.
 */
public record RetestOf(UUID actionId, String actionNumber, UUID scenarioId) {
}
