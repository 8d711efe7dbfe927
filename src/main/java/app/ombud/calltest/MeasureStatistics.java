package app.ombud.calltest;

import app.ombud.policy.CallTestThresholds;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.hipparchus.stat.correlation.PearsonsCorrelation;
import org.hipparchus.stat.descriptive.StreamingStatistics;
import org.hipparchus.stat.regression.SimpleRegression;

/**
 * The statistics of test-call measures (ANALYTICS.md §2), computed with Hipparchus, not by hand:
 * the summary of a measure (n, mean, sample standard deviation, min, max, against its threshold),
 * Pearson's correlation of each pair of measures with its two-sided p-value (suppressed under
 * {@value #MIN_CORRELATION_N} calls), and the trend as the least-squares slope of monthly means.
 */
public final class MeasureStatistics {

    /** Under this many calls with both measures, a correlation is not shown. */
    public static final int MIN_CORRELATION_N = 10;

    private MeasureStatistics() {
    }

    /** The summary of one measure's values (one per call it applies to) against the policy's threshold. */
    public static MeasureSummary summary(Measure measure, double[] values, CallTestThresholds thresholds) {
        var stats = new StreamingStatistics();
        for (double value : values) {
            stats.addValue(value);
        }
        BigDecimal threshold = measure.threshold(thresholds).orElse(null);
        if (stats.getN() == 0) {
            return new MeasureSummary(measure, 0, null, null, null, null, threshold, null);
        }
        double mean = stats.getMean();
        return new MeasureSummary(measure, stats.getN(), mean, stats.getN() < 2 ? null : stats.getStandardDeviation(),
                stats.getMin(), stats.getMax(), threshold, threshold == null ? null : measure.meets(mean, threshold));
    }

    /**
     * Each pair of measures (in the enum's order) over the calls that have both: n, Pearson's r
     * and its two-sided p-value (Student's t with n − 2 degrees of freedom).
     */
    public static List<MeasureCorrelation> correlations(List<Map<Measure, Double>> calls) {
        Measure[] measures = Measure.values();
        List<MeasureCorrelation> pairs = new ArrayList<>();
        for (int i = 0; i < measures.length; i++) {
            for (int j = i + 1; j < measures.length; j++) {
                pairs.add(correlation(measures[i], measures[j], calls));
            }
        }
        return pairs;
    }

    static MeasureCorrelation correlation(Measure a, Measure b, List<Map<Measure, Double>> calls) {
        List<double[]> both = new ArrayList<>();
        for (Map<Measure, Double> call : calls) {
            Double x = call.get(a);
            Double y = call.get(b);
            if (x != null && y != null) {
                both.add(new double[] {x, y});
            }
        }
        int n = both.size();
        if (n < MIN_CORRELATION_N) {
            return new MeasureCorrelation(a, b, n, null, null);
        }
        var pearson = new PearsonsCorrelation(both.toArray(double[][]::new));
        double r = pearson.getCorrelationMatrix().getEntry(0, 1);
        if (Double.isNaN(r)) {
            // a measure that does not vary over these calls correlates with nothing
            return new MeasureCorrelation(a, b, n, null, null);
        }
        double p = pearson.getCorrelationPValues().getEntry(0, 1);
        return new MeasureCorrelation(a, b, n, r, Double.isNaN(p) ? null : p);
    }

    /**
     * The least-squares slope of the monthly means, per month; months without calls are left out
     * (the x axis counts calendar months from the first, so a gap keeps its width).
     */
    public static MeasureTrend trend(Measure measure, SortedMap<YearMonth, Double> monthlyMeans) {
        if (monthlyMeans.isEmpty()) {
            return new MeasureTrend(measure, null, null, 0, null);
        }
        YearMonth first = monthlyMeans.firstKey();
        var regression = new SimpleRegression();
        monthlyMeans.forEach((month, mean) -> regression.addData(ChronoUnit.MONTHS.between(first, month), mean));
        return new MeasureTrend(measure, first, monthlyMeans.lastKey(), monthlyMeans.size(),
                monthlyMeans.size() < 2 ? null : regression.getSlope());
    }
}
