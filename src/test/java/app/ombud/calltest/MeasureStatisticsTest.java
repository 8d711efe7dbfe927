package app.ombud.calltest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.ombud.policy.CallTestThresholds;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The statistics of test-call measures against independent computations: arithmetic written out
 * here, and Anscombe's first data set (F. J. Anscombe, "Graphs in Statistical Analysis", The
 * American Statistician 27(1), 1973), whose published figures are r = 0.816, the regression line
 * y = 3.00 + 0.500 x, and the slope's two-sided p = 0.00217.
 */
class MeasureStatisticsTest {

    private static final double[] ANSCOMBE_X = {10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5};
    private static final double[] ANSCOMBE_Y = {8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68};

    /** On-spot ≥ 80 %, follow-up ≥ 90 %, ≤ 3 rings, ≤ 2 minutes, satisfaction ≥ 85 %, errors ≤ 5 %. */
    private static final CallTestThresholds THRESHOLDS = new CallTestThresholds(BigDecimal.valueOf(80),
            BigDecimal.valueOf(90), 3, 2, BigDecimal.valueOf(85), BigDecimal.valueOf(5));

    @Test
    void aSummaryHasTheMeanTheSampleStandardDeviationAndTheThreshold() {
        // rings 2, 3, 5, 6: mean 16 / 4 = 4; squared deviations 4 + 1 + 1 + 4 = 10; sample variance 10 / 3
        var rings = MeasureStatistics.summary(Measure.RINGS_BEFORE_ANSWER, new double[] {2, 3, 5, 6}, THRESHOLDS);
        assertThat(rings.n()).isEqualTo(4);
        assertThat(rings.mean()).isEqualTo(4.0);
        assertThat(rings.stdDev()).isCloseTo(Math.sqrt(10.0 / 3), within(1e-12));
        assertThat(rings.min()).isEqualTo(2.0);
        assertThat(rings.max()).isEqualTo(6.0);
        assertThat(rings.threshold()).isEqualByComparingTo("3");
        assertThat(rings.meetsThreshold()).as("4 rings on average, at most 3 allowed").isFalse();

        // solved on the spot 3 of 4: mean 75 %; deviations 25, 25, 25, −75: (3 × 625 + 5625) / 3 = 2500, sd 50
        var onSpot = MeasureStatistics.summary(Measure.ON_SPOT_RESOLUTION, new double[] {100, 100, 0, 100},
                THRESHOLDS);
        assertThat(onSpot.mean()).isEqualTo(75.0);
        assertThat(onSpot.stdDev()).isCloseTo(50.0, within(1e-12));
        assertThat(onSpot.meetsThreshold()).as("75 % against at least 80 %").isFalse();

        var errors = MeasureStatistics.summary(Measure.KNOWLEDGE_ERROR_RATE, new double[] {0, 5, 10, 5}, THRESHOLDS);
        assertThat(errors.mean()).isEqualTo(5.0);
        assertThat(errors.meetsThreshold()).as("exactly at most 5 %").isTrue();
    }

    @Test
    void oneCallHasNoStandardDeviationAndTheScorecardNoThreshold() {
        var one = MeasureStatistics.summary(Measure.SCORECARD, new double[] {82.89}, THRESHOLDS);
        assertThat(one.n()).isEqualTo(1);
        assertThat(one.mean()).isEqualTo(82.89);
        assertThat(one.stdDev()).isNull();
        assertThat(one.threshold()).isNull();
        assertThat(one.meetsThreshold()).isNull();

        var none = MeasureStatistics.summary(Measure.RINGS_BEFORE_ANSWER, new double[0], THRESHOLDS);
        assertThat(none.n()).isZero();
        assertThat(none.mean()).isNull();
        assertThat(none.meetsThreshold()).isNull();
    }

    @Test
    void pearsonsRAndItsPValueMatchAnscombesPublishedFigures() {
        var correlation = MeasureStatistics.correlation(Measure.RINGS_BEFORE_ANSWER, Measure.SCORECARD,
                anscombe(ANSCOMBE_X.length));

        assertThat(correlation.n()).isEqualTo(11);
        assertThat(correlation.r()).isCloseTo(0.816, within(0.0005));
        // t = r √(n − 2) / √(1 − r²) with 9 degrees of freedom; the published two-sided p is 0.00217
        assertThat(correlation.pValue()).isCloseTo(0.00217, within(0.00001));
    }

    @Test
    void aCorrelationUnderTenCallsOrOfAMeasureThatDoesNotVaryIsNotShown() {
        var nine = MeasureStatistics.correlation(Measure.RINGS_BEFORE_ANSWER, Measure.SCORECARD, anscombe(9));
        assertThat(nine.n()).isEqualTo(9);
        assertThat(nine.r()).isNull();
        assertThat(nine.pValue()).isNull();

        List<Map<Measure, Double>> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            calls.add(Map.of(Measure.ON_SPOT_RESOLUTION, 100.0, Measure.SCORECARD, 60.0 + i));
        }
        var constant = MeasureStatistics.correlation(Measure.ON_SPOT_RESOLUTION, Measure.SCORECARD, calls);
        assertThat(constant.n()).isEqualTo(12);
        assertThat(constant.r()).isNull();
    }

    @Test
    void everyPairIsListedOnceWithItsOwnN() {
        var pairs = MeasureStatistics.correlations(anscombe(ANSCOMBE_X.length));
        int m = Measure.values().length;
        assertThat(pairs).hasSize(m * (m - 1) / 2);
        assertThat(pairs).filteredOn(p -> p.n() > 0).singleElement()
                .satisfies(p -> assertThat(p.r()).isCloseTo(0.816, within(0.0005)));
    }

    @Test
    void theTrendIsTheLeastSquaresSlopeOfTheMonthlyMeans() {
        // Anscombe's x as months after January 2026 (4 → May ... 14 → March 2027), y as the monthly means
        var means = new TreeMap<YearMonth, Double>();
        for (int i = 0; i < ANSCOMBE_X.length; i++) {
            means.put(YearMonth.of(2026, 1).plusMonths((long) ANSCOMBE_X[i]), ANSCOMBE_Y[i]);
        }
        var trend = MeasureStatistics.trend(Measure.SCORECARD, means);
        assertThat(trend.months()).isEqualTo(11);
        assertThat(trend.first()).isEqualTo(YearMonth.of(2026, 5));
        assertThat(trend.slopePerMonth()).as("the published slope 0.500").isCloseTo(0.500, within(0.0005));

        // January 10, March 14: a gap keeps its width, (14 − 10) / 2 months = 2 per month
        var gap = new TreeMap<YearMonth, Double>(Map.of(YearMonth.of(2026, 1), 10.0, YearMonth.of(2026, 3), 14.0));
        assertThat(MeasureStatistics.trend(Measure.SCORECARD, gap).slopePerMonth()).isCloseTo(2.0, within(1e-12));
        var single = new TreeMap<YearMonth, Double>(Map.of(YearMonth.of(2026, 1), 10.0));
        assertThat(MeasureStatistics.trend(Measure.SCORECARD, single).slopePerMonth()).isNull();
    }

    @Test
    void aCallsMeasuresLeaveOutWhatDoesNotApply() {
        Instant now = Instant.parse("2026-12-01T08:00:00Z");
        Instant due = Instant.parse("2026-11-30T08:00:00Z");
        var phone = new CallFacts(4, null, true, due, Instant.parse("2026-11-30T09:00:00Z"), 4, 8, 2,
                new BigDecimal("82.89"));
        Map<Measure, Double> values = phone.measures(4, now);
        assertThat(values).containsExactlyInAnyOrderEntriesOf(Map.of(
                Measure.ON_SPOT_RESOLUTION, 100.0,
                Measure.FOLLOW_UP_ON_TIME, 0.0, // delivered an hour after it was due
                Measure.RINGS_BEFORE_ANSWER, 4.0,
                Measure.COMMUNICATION_SATISFACTION, 100.0, // 4 is the satisfied rating
                Measure.KNOWLEDGE_ERROR_RATE, 25.0, // 2 wrong of 8 checked
                Measure.SCORECARD, 82.89));

        var online = new CallFacts(null, new BigDecimal("1.5"), false, now.plusSeconds(3600), null, 3, 0, 0, null);
        assertThat(online.measures(4, now)).containsExactlyInAnyOrderEntriesOf(Map.of(
                Measure.ON_SPOT_RESOLUTION, 0.0,
                Measure.ONLINE_FIRST_REPLY_MINUTES, 1.5,
                Measure.COMMUNICATION_SATISFACTION, 0.0));
        assertThat(online.measures(4, now.plusSeconds(7200))).as("the follow-up once it is due")
                .containsEntry(Measure.FOLLOW_UP_ON_TIME, 0.0);
    }

    /** The first {@code n} points of Anscombe's first set as calls: x as rings, y as the score. */
    private static List<Map<Measure, Double>> anscombe(int n) {
        List<Map<Measure, Double>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            var call = new EnumMap<Measure, Double>(Measure.class);
            call.put(Measure.RINGS_BEFORE_ANSWER, ANSCOMBE_X[i]);
            call.put(Measure.SCORECARD, ANSCOMBE_Y[i]);
            calls.add(call);
        }
        return calls;
    }
}
