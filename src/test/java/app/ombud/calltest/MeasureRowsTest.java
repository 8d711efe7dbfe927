package app.ombud.calltest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.ombud.calltest.MeasuredCall.Group;
import app.ombud.platform.TimeBucket;
import app.ombud.policy.CallTestThresholds;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The BI rows, weak spots and streaks of a handful of calls, worked out by hand. */
class MeasureRowsTest {

    private static final CallTestThresholds THRESHOLDS = new CallTestThresholds(BigDecimal.valueOf(80),
            BigDecimal.valueOf(90), 3, 2, BigDecimal.valueOf(85), BigDecimal.valueOf(5));

    private static final Group TEAM_A = new Group("A", "一班");
    private static final Group TEAM_B = new Group("B", "二班");

    private static MeasuredCall call(String id, LocalDate date, Group team, Map<Measure, Double> values,
            String... problems) {
        return new MeasuredCall(id, date, Map.of(TestCallGroup.TEAM, team, TestCallGroup.COMPANY,
                new Group("company", "公司")), values, List.of(problems));
    }

    private final List<MeasuredCall> calls = List.of(
            // December 2026, before the asked range: team A rings 5
            call("c0", LocalDate.of(2026, 12, 20), TEAM_A, Map.of(Measure.RINGS_BEFORE_ANSWER, 5.0)),
            // January 2027: team A rings 2 and 4, solved 100 and 0; team B rings 3
            call("c1", LocalDate.of(2027, 1, 5), TEAM_A, Map.of(Measure.RINGS_BEFORE_ANSWER, 2.0,
                    Measure.ON_SPOT_RESOLUTION, 100.0), "未致歉"),
            call("c2", LocalDate.of(2027, 1, 20), TEAM_A, Map.of(Measure.RINGS_BEFORE_ANSWER, 4.0,
                    Measure.ON_SPOT_RESOLUTION, 0.0), "未致歉", "业务不熟"),
            call("c3", LocalDate.of(2027, 1, 31), TEAM_B, Map.of(Measure.RINGS_BEFORE_ANSWER, 3.0), "业务不熟",
                    "业务不熟"),
            // February 2027: team A rings 6
            call("c4", LocalDate.of(2027, 2, 2), TEAM_A, Map.of(Measure.RINGS_BEFORE_ANSWER, 6.0)));

    @Test
    void rowsPerPeriodGroupAndMeasureWithTheChangeAgainstThePreviousPeriod() {
        var rows = MeasureRows.rows(calls, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 2, 28), TimeBucket.MONTH,
                TestCallGroup.TEAM, THRESHOLDS);

        assertThat(rows).extracting(MeasureRow::period, MeasureRow::groupName, MeasureRow::measure).containsExactly(
                org.assertj.core.groups.Tuple.tuple("2027-01", "一班", Measure.ON_SPOT_RESOLUTION),
                org.assertj.core.groups.Tuple.tuple("2027-01", "一班", Measure.RINGS_BEFORE_ANSWER),
                org.assertj.core.groups.Tuple.tuple("2027-01", "二班", Measure.RINGS_BEFORE_ANSWER),
                org.assertj.core.groups.Tuple.tuple("2027-02", "一班", Measure.RINGS_BEFORE_ANSWER));
        var januaryRings = rows.get(1);
        // (2 + 4) / 2 = 3 rings, sd √((1 + 1) / 1) = √2; December's 5 rings: change 3 − 5 = −2
        assertThat(januaryRings.n()).isEqualTo(2);
        assertThat(januaryRings.mean()).isEqualTo(3.0);
        assertThat(januaryRings.stdDev()).isCloseTo(Math.sqrt(2), within(1e-12));
        assertThat(januaryRings.meetsThreshold()).as("3 rings, at most 3").isTrue();
        assertThat(januaryRings.changeFromPreviousPeriod()).isEqualTo(-2.0);
        assertThat(januaryRings.periodStart()).isEqualTo(LocalDate.of(2027, 1, 1));
        // the on-spot rate 50 % misses 80 %; February: 6 − 3 = +3
        assertThat(rows.get(0).mean()).isEqualTo(50.0);
        assertThat(rows.get(0).meetsThreshold()).isFalse();
        assertThat(rows.get(0).changeFromPreviousPeriod()).isNull();
        assertThat(rows.get(3).changeFromPreviousPeriod()).isEqualTo(3.0);

        var company = MeasureRows.rows(calls, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 31),
                TimeBucket.QUARTER, TestCallGroup.COMPANY, THRESHOLDS);
        // the quarter's rings 2, 4, 3, 6: mean 15 / 4 = 3.75; December is the previous quarter's: 3.75 − 5
        assertThat(company).filteredOn(r -> r.measure() == Measure.RINGS_BEFORE_ANSWER).singleElement()
                .satisfies(r -> {
                    assertThat(r.period()).isEqualTo("2027-Q1");
                    assertThat(r.mean()).isEqualTo(3.75);
                    assertThat(r.changeFromPreviousPeriod()).isEqualTo(-1.25);
                });
    }

    @Test
    void weakSpotsCommonProblemsAndStreaks() {
        var rows = MeasureRows.rows(calls, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 2, 28), TimeBucket.MONTH,
                TestCallGroup.TEAM, THRESHOLDS);
        assertThat(WeakSpots.missing(rows)).extracting(MeasureRow::period, MeasureRow::measure).containsExactly(
                org.assertj.core.groups.Tuple.tuple("2027-01", Measure.ON_SPOT_RESOLUTION),
                org.assertj.core.groups.Tuple.tuple("2027-02", Measure.RINGS_BEFORE_ANSWER));

        // c3 notes 业务不熟 twice: counted once per call
        assertThat(WeakSpots.commonProblems(calls)).containsExactly(new WeakSpots.Problem("业务不熟", 2),
                new WeakSpots.Problem("未致歉", 2));

        // team A's rings in order 5 (miss), 2 (meets), 4 (miss), 6 (miss): the last two in a row
        assertThat(WeakSpots.streaks(calls, TestCallGroup.TEAM, THRESHOLDS, 2)).singleElement().satisfies(s -> {
            assertThat(s.groupId()).isEqualTo("A");
            assertThat(s.measure()).isEqualTo(Measure.RINGS_BEFORE_ANSWER);
            assertThat(s.callIds()).containsExactly("c2", "c4");
        });
        assertThat(WeakSpots.streaks(calls, TestCallGroup.TEAM, THRESHOLDS, 3)).isEmpty();
    }
}
