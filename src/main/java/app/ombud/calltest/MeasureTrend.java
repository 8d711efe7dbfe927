package app.ombud.calltest;

import java.time.YearMonth;

/**
 * A measure's trend: the least-squares slope of its monthly means, per month, over the months
 * from {@code first} to {@code last} that have calls ({@code months}); null under two months.
 */
public record MeasureTrend(Measure measure, YearMonth first, YearMonth last, int months, Double slopePerMonth) {
}
