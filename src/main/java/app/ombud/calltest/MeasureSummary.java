package app.ombud.calltest;

import java.math.BigDecimal;

/**
 * One measure over a set of test calls: how many calls it applies to ({@code n}, always shown
 * beside a mean), the mean, the <b>sample</b> standard deviation (n − 1; null under two calls),
 * the least and greatest value, the policy's threshold (null where there is none) and whether
 * the mean meets it.
 */
public record MeasureSummary(Measure measure, long n, Double mean, Double stdDev, Double min, Double max,
        BigDecimal threshold, Boolean meetsThreshold) {
}
