package app.ombud.calltest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One scored test call as the statistics read it: its company-local date, the group it belongs
 * to for each {@link TestCallGroup} (ID and name), its value of each measure that applies
 * ({@link CallFacts#measures}), and the problems (tags) the executor noted.
 */
public record MeasuredCall(String callId, LocalDate date, Map<TestCallGroup, Group> groups,
        Map<Measure, Double> values, List<String> problems) {

    /** A group a call belongs to: its ID (a UUID, an employee ID or a code) and its name. */
    public record Group(String id, String name) {
    }

    public MeasuredCall {
        groups = Map.copyOf(groups);
        values = Map.copyOf(values);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
