package app.ombud.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ombud.platform.OmbudException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** National Day week 2026: Oct 1 (Thu) to Oct 7 (Wed) off; Sun Sep 27 and Sat Oct 10 worked. */
    static WorkingCalendar nationalDay2026() {
        Map<LocalDate, String> holidays = new LinkedHashMap<>();
        for (int d = 1; d <= 7; d++) {
            holidays.put(LocalDate.of(2026, 10, d), "国庆节");
        }
        var base = WorkingCalendar.chinaDefault();
        return new WorkingCalendar(base.zone(), base.workingDays(), base.periods(), holidays,
                Map.of(LocalDate.of(2026, 9, 27), "国庆调休", LocalDate.of(2026, 10, 10), "国庆调休"), List.of()).validate();
    }

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void theDayModelKnowsWeekendsHolidaysAndSwappedDays() {
        var calendar = nationalDay2026();
        assertThat(LocalDate.of(2026, 10, 1).getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 25))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 26))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 27))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 5))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 11))).isFalse();
    }

    @Test
    void twoWorkingDaysFromFridayEveningCountTheSwappedSunday() {
        // 1 minute on Friday, 7.5 h on the swapped Sunday, 7 h 29 min on Monday
        assertThat(nationalDay2026().addWorkingDays(at("2026-09-25T17:59"), 2)).isEqualTo(at("2026-09-28T17:59"));
    }

    @Test
    void twoWorkingDaysFromTheEveBeforeTheHolidayWeekSkipIt() {
        assertThat(nationalDay2026().addWorkingDays(at("2026-09-30T17:59"), 2)).isEqualTo(at("2026-10-09T17:59"));
    }

    @Test
    void aCaseInTheNightStartsCountingAtTheNextWorkingMoment() {
        var calendar = nationalDay2026();
        assertThat(calendar.addWorkingHours(at("2026-10-08T02:00"), 2)).isEqualTo(at("2026-10-08T11:00"));
        // the lunch break does not count
        assertThat(calendar.addWorkingHours(at("2026-10-08T11:00"), 2)).isEqualTo(at("2026-10-08T14:30"));
        // a holiday morning waits for the first working day
        assertThat(calendar.addWorkingHours(at("2026-10-03T10:00"), 1)).isEqualTo(at("2026-10-08T10:00"));
    }

    @Test
    void aDeadlineThatFillsTheDayEndsAtTheEndOfTheDayNotTheNextMorning() {
        var calendar = nationalDay2026();
        assertThat(calendar.addWorkingDays(at("2026-10-08T09:00"), 1)).isEqualTo(at("2026-10-08T18:00"));
        assertThat(calendar.addWorkingDays(at("2026-10-08T09:00"), 2)).isEqualTo(at("2026-10-09T18:00"));
    }

    @Test
    void dayBoundariesInTheCompanyZoneNotInUtc() {
        // 2026-10-08T16:30Z is 00:30 on Oct 9 in Shanghai: a working Friday that starts at 09:00
        var calendar = nationalDay2026();
        assertThat(calendar.addWorkingHours(Instant.parse("2026-10-08T16:30:00Z"), 1))
                .isEqualTo(at("2026-10-09T10:00"));
        var utcCalendar = new WorkingCalendar(ZoneId.of("UTC"), calendar.workingDays(), calendar.periods(),
                Map.of(), Map.of(), List.of());
        assertThat(utcCalendar.addWorkingHours(Instant.parse("2026-10-08T16:30:00Z"), 1))
                .isEqualTo(Instant.parse("2026-10-08T17:30:00Z"));
    }

    @Test
    void workingTimeBetweenCountsOnlyWorkingPeriods() {
        var calendar = nationalDay2026();
        assertThat(calendar.workingTimeBetween(at("2026-09-30T17:00"), at("2026-10-08T10:00")))
                .isEqualTo(Duration.ofHours(2));
        assertThat(calendar.workingTimeBetween(at("2026-10-08T10:00"), at("2026-10-08T09:00"))).isZero();
        assertThat(calendar.workingTimeBetween(at("2026-10-09T09:00"), at("2026-10-09T18:00")))
                .isEqualTo(Duration.ofMinutes(450));
    }

    @Test
    void addingAndMeasuringAgree() {
        var calendar = nationalDay2026();
        Instant start = at("2026-09-24T15:17");
        for (int minutes : new int[] {1, 59, 450, 451, 2000, 9000}) {
            Instant end = calendar.addWorkingTime(start, Duration.ofMinutes(minutes));
            assertThat(calendar.workingTimeBetween(start, end)).isEqualTo(Duration.ofMinutes(minutes));
        }
    }

    @Test
    void badCalendarsAreRefusedWithTheField() {
        var base = WorkingCalendar.chinaDefault();
        assertThatThrownBy(() -> new WorkingCalendar(base.zone(), base.workingDays(), base.periods(), Map.of(),
                Map.of(LocalDate.of(2026, 10, 8), "Thursday"), List.of()).validate())
                .isInstanceOfSatisfying(OmbudException.class, e -> {
                    assertThat(e.code()).isEqualTo("CALENDAR_SWAPPED_DAY_ALREADY_WORKING");
                    assertThat(e.field()).isEqualTo("workdays");
                });
        assertThatThrownBy(() -> new WorkingCalendar(base.zone(), base.workingDays(),
                List.of(new WorkingCalendar.Period(LocalTime.of(9, 0), LocalTime.of(13, 0)),
                        new WorkingCalendar.Period(LocalTime.of(12, 0), LocalTime.of(18, 0))),
                Map.of(), Map.of(), List.of()).validate())
                .isInstanceOfSatisfying(OmbudException.class,
                        e -> assertThat(e.code()).isEqualTo("CALENDAR_PERIODS_OVERLAP"));
        assertThatThrownBy(() -> new WorkingCalendar(base.zone(), EnumSet.noneOf(DayOfWeek.class), base.periods(),
                Map.of(), Map.of(), List.of()).validate())
                .isInstanceOfSatisfying(OmbudException.class,
                        e -> assertThat(e.code()).isEqualTo("CALENDAR_NO_WORKING_DAYS"));
    }
}
