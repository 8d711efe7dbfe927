package app.ombud.calltest;

import app.ombud.platform.TimeBucket;
import app.ombud.policy.CallTestThresholds;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The flat rows of test-call measures for BI tools and the statistics page: for each period of
 * {@code bucket} from {@code from} to {@code to}, each group of {@code groupBy} and each measure
 * that applies to at least one of its calls, the summary of {@link MeasureStatistics}, and the
 * change of the mean against the same group's previous period — for which the caller passes the
 * calls of the period before {@code from} too (they make no rows of their own).
 */
public final class MeasureRows {

    private MeasureRows() {
    }

    public static List<MeasureRow> rows(List<MeasuredCall> calls, LocalDate from, LocalDate to, TimeBucket bucket,
            TestCallGroup groupBy, CallTestThresholds thresholds) {
        // period start → group ID → measure → values
        Map<LocalDate, Map<String, Map<Measure, List<Double>>>> cells = new TreeMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (MeasuredCall call : calls) {
            var group = call.groups().get(groupBy);
            if (group == null) {
                continue;
            }
            names.putIfAbsent(group.id(), group.name());
            var byMeasure = cells.computeIfAbsent(bucket.start(call.date()), p -> new TreeMap<>())
                    .computeIfAbsent(group.id(), g -> new java.util.EnumMap<>(Measure.class));
            call.values().forEach((measure, value) -> byMeasure.computeIfAbsent(measure, m -> new ArrayList<>())
                    .add(value));
        }
        List<MeasureRow> rows = new ArrayList<>();
        LocalDate first = bucket.start(from);
        cells.forEach((start, groups) -> {
            if (start.isBefore(first) || start.isAfter(to)) {
                return;
            }
            var previous = cells.getOrDefault(bucket.previous(start), Map.of());
            groups.forEach((groupId, measures) -> measures.forEach((measure, values) -> {
                var summary = MeasureStatistics.summary(measure, values.stream().mapToDouble(Double::doubleValue)
                        .toArray(), thresholds);
                var before = previous.getOrDefault(groupId, Map.of()).get(measure);
                Double change = before == null || before.isEmpty() ? null
                        : summary.mean() - before.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                rows.add(new MeasureRow(bucket.label(start), start, groupId, names.get(groupId), measure,
                        summary.n(), summary.mean(), summary.stdDev(), summary.min(), summary.max(),
                        summary.threshold(), summary.meetsThreshold(), change));
            }));
        });
        rows.sort(Comparator.comparing(MeasureRow::periodStart).thenComparing(MeasureRow::groupName,
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(MeasureRow::groupId)
                .thenComparing(MeasureRow::measure));
        return rows;
    }
}
