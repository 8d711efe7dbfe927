package app.ombud.policy;

/** What a date is on a working calendar, beyond the weekly pattern. */
public enum CalendarDayKind {
    /** As the week says. */
    NORMAL,
    /** A public holiday: not worked. */
    HOLIDAY,
    /** A swapped working day (调休): a day off by the week that is worked. */
    WORKDAY
}
