package app.ombud.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Periods against the calendar: ISO weeks, quarters, the turn of a year. */
class TimeBucketTest {

    @Test
    void eachPeriodStartsWhereTheCalendarSays() {
        LocalDate day = LocalDate.of(2026, 3, 11); // a Wednesday
        assertThat(TimeBucket.DAY.start(day)).isEqualTo(day);
        assertThat(TimeBucket.WEEK.start(day)).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(TimeBucket.MONTH.start(day)).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(TimeBucket.QUARTER.start(day)).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(TimeBucket.QUARTER.start(LocalDate.of(2026, 12, 31))).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(TimeBucket.YEAR.start(day)).isEqualTo(LocalDate.of(2026, 1, 1));
    }

    @Test
    void labelsSortAsTextAndWeeksBelongToTheirIsoYear() {
        assertThat(TimeBucket.MONTH.label(LocalDate.of(2026, 3, 1))).isEqualTo("2026-03");
        assertThat(TimeBucket.QUARTER.label(LocalDate.of(2026, 10, 1))).isEqualTo("2026-Q4");
        // 2026-12-28 is the Monday of ISO week 53 of 2026; 2024-12-30 is week 1 of 2025
        assertThat(TimeBucket.WEEK.label(LocalDate.of(2026, 12, 28))).isEqualTo("2026-W53");
        assertThat(TimeBucket.WEEK.label(LocalDate.of(2024, 12, 30))).isEqualTo("2025-W01");
        assertThat(TimeBucket.YEAR.label(LocalDate.of(2026, 1, 1))).isEqualTo("2026");
    }

    @Test
    void previousNextYearEarlierAndCount() {
        assertThat(TimeBucket.QUARTER.previous(LocalDate.of(2026, 1, 1))).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(TimeBucket.MONTH.next(LocalDate.of(2026, 12, 1))).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(TimeBucket.MONTH.yearEarlier(LocalDate.of(2026, 3, 1))).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(TimeBucket.WEEK.yearEarlier(LocalDate.of(2026, 3, 9))).isEqualTo(LocalDate.of(2025, 3, 10));
        assertThat(TimeBucket.MONTH.count(LocalDate.of(2026, 1, 15), LocalDate.of(2026, 3, 2))).isEqualTo(3);
        assertThat(TimeBucket.QUARTER.count(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 1))).isEqualTo(2);
        assertThat(TimeBucket.WEEK.count(LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 15))).isEqualTo(1);
    }
}
