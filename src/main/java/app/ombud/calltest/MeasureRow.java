package app.ombud.calltest;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One flat BI row (the {@code testCallMeasureRows} contract): a period × group × measure with its
 * summary ({@link MeasureSummary}) and the change of the mean against the previous period (null
 * when either has no calls).
 */
public record MeasureRow(String period, LocalDate periodStart, String groupId, String groupName, Measure measure,
        long n, Double mean, Double stdDev, Double min, Double max, BigDecimal threshold, Boolean meetsThreshold,
        Double changeFromPreviousPeriod) {
}
