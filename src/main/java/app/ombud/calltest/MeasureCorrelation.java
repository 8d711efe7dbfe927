package app.ombud.calltest;

/**
 * Pearson's correlation of two measures over the calls that have both ({@code n}); on two 0/1
 * measures it is the phi coefficient. {@code r} and the two-sided {@code pValue} are null when
 * {@code n} is under {@link MeasureStatistics#MIN_CORRELATION_N} or a measure does not vary.
 */
public record MeasureCorrelation(Measure a, Measure b, long n, Double r, Double pValue) {
}
