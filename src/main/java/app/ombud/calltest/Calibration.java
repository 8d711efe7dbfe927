package app.ombud.calltest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Calibration (ANALYTICS.md §1, after MaestroQA and Zendesk QA): several executors score the same
 * calls; beside each call's final score (the group's), each executor's deviation from it, and per
 * executor over all calls the mean deviation (signed: above 0 more lenient than the group, below
 * 0 stricter) and the mean absolute deviation — so the strictest and the most lenient show.
 */
public final class Calibration {

    private Calibration() {
    }

    /** One executor's score of one call. */
    public record Graded(String callId, String executor, BigDecimal score) {
    }

    /** How one executor scores against the group's final scores. */
    public record Grader(String executor, int calls, BigDecimal meanDeviation, BigDecimal meanAbsoluteDeviation) {
    }

    /** Each executor's score minus the call's final score, per call (executors in the order given). */
    public static Map<String, Map<String, BigDecimal>> deviations(List<Graded> grades, Map<String, BigDecimal> finals) {
        Map<String, Map<String, BigDecimal>> byCall = new LinkedHashMap<>();
        for (Graded g : grades) {
            BigDecimal fin = finals.get(g.callId());
            if (fin != null && g.score() != null) {
                byCall.computeIfAbsent(g.callId(), id -> new LinkedHashMap<>()).put(g.executor(),
                        g.score().subtract(fin));
            }
        }
        return byCall;
    }

    /** Every executor over the calls with a final score, the strictest (lowest mean deviation) first. */
    public static List<Grader> graders(List<Graded> grades, Map<String, BigDecimal> finals) {
        Map<String, List<BigDecimal>> byExecutor = new LinkedHashMap<>();
        deviations(grades, finals).values().forEach(call -> call.forEach((executor, deviation) ->
                byExecutor.computeIfAbsent(executor, e -> new ArrayList<>()).add(deviation)));
        List<Grader> graders = new ArrayList<>();
        byExecutor.forEach((executor, deviations) -> graders.add(new Grader(executor, deviations.size(),
                mean(deviations), mean(deviations.stream().map(BigDecimal::abs).toList()))));
        graders.sort(Comparator.comparing(Grader::meanDeviation).thenComparing(Grader::executor));
        return graders;
    }

    public static Optional<Grader> strictest(List<Grader> graders) {
        return graders.stream().findFirst();
    }

    public static Optional<Grader> mostLenient(List<Grader> graders) {
        return graders.isEmpty() ? Optional.empty() : Optional.of(graders.getLast());
    }

    private static BigDecimal mean(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), 2, java.math.RoundingMode.HALF_UP);
    }
}
