package app.ombud.calltest;

import app.ombud.policy.CallTestThresholds;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where test calls show a weakness (SPEC §4): the groups whose mean misses a threshold (with n),
 * the problems noted most often, and the agents or teams that missed the same measure in the
 * policy's number of test calls in a row — flagged to the group lead.
 */
public final class WeakSpots {

    private WeakSpots() {
    }

    /** A problem tag and how many calls noted it. */
    public record Problem(String tag, long calls) {
    }

    /** A group that missed {@code measure} in its last {@code calls} test calls in a row (the latest last). */
    public record Streak(String groupId, String groupName, Measure measure, int calls, List<String> callIds) {
    }

    /** The rows whose mean misses its threshold, the most calls first. */
    public static List<MeasureRow> missing(List<MeasureRow> rows) {
        return rows.stream().filter(row -> Boolean.FALSE.equals(row.meetsThreshold()))
                .sorted(Comparator.comparingLong(MeasureRow::n).reversed().thenComparing(MeasureRow::measure)
                        .thenComparing(MeasureRow::groupId))
                .toList();
    }

    /** Problem tags by the number of calls that noted them, the most common first. */
    public static List<Problem> commonProblems(List<MeasuredCall> calls) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (MeasuredCall call : calls) {
            call.problems().stream().distinct().forEach(tag -> counts.merge(tag, 1L, Long::sum));
        }
        return counts.entrySet().stream().map(e -> new Problem(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(Problem::calls).reversed().thenComparing(Problem::tag)).toList();
    }

    /**
     * The groups whose latest test calls, at least {@code k} of them in a row (in the order given:
     * oldest first), each missed the same measure's threshold; a call the measure does not apply
     * to neither breaks nor extends the streak.
     */
    public static List<Streak> streaks(List<MeasuredCall> callsInOrder, TestCallGroup groupBy,
            CallTestThresholds thresholds, int k) {
        Map<String, Map<Measure, List<String>>> running = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (MeasuredCall call : callsInOrder) {
            var group = call.groups().get(groupBy);
            if (group == null) {
                continue;
            }
            names.putIfAbsent(group.id(), group.name());
            var byMeasure = running.computeIfAbsent(group.id(), g -> new java.util.EnumMap<>(Measure.class));
            call.values().forEach((measure, value) -> {
                BigDecimal threshold = measure.threshold(thresholds).orElse(null);
                if (threshold == null) {
                    return;
                }
                var streak = byMeasure.computeIfAbsent(measure, m -> new ArrayList<>());
                if (measure.meets(value, threshold)) {
                    streak.clear();
                } else {
                    streak.add(call.callId());
                }
            });
        }
        List<Streak> streaks = new ArrayList<>();
        running.forEach((groupId, byMeasure) -> byMeasure.forEach((measure, callIds) -> {
            if (callIds.size() >= k) {
                streaks.add(new Streak(groupId, names.get(groupId), measure, callIds.size(), List.copyOf(callIds)));
            }
        }));
        return streaks;
    }
}
