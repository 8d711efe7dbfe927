package app.ombud.policy;

import java.util.List;

/**
 * What importing a year's holidays would do to the calendar in force: the dates read, the
 * source they name, each date that changes, and the calendar that results.
 */
public record CalendarImport(int year, HolidaySource source, CalendarDates dates, List<CalendarChange> changes,
        WorkingCalendar result, int basedOnVersion) {
}
