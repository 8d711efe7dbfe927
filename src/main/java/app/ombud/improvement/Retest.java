package app.ombud.improvement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A re-test an action requires (SPEC §4: the loop closes with a re-test): the scenario to call
 * again and the team to call, and the results recorded so far, oldest first. The action is
 * verified effective only after a passing result recorded since it was last reopened.
 */
public record Retest(String scenarioRef, UUID teamId, List<Result> results) {

    public Retest {
        results = results == null ? List.of() : List.copyOf(results);
    }

    /** One re-test call's result: the test call, whether it met the thresholds, who recorded it and when. */
    public record Result(String testCallRef, boolean passed, String recordedBy, Instant at) {
    }

    /** Whether the latest result recorded after {@code since} (null: ever) passed. */
    public boolean passedSince(Instant since) {
        if (results.isEmpty()) {
            return false;
        }
        Result latest = results.getLast();
        return latest.passed() && (since == null || latest.at().isAfter(since));
    }
}
