package app.ombud.policy;

import java.time.LocalDate;

/** What a calendar change does to one date: what it was and what it becomes, with the names. */
public record CalendarChange(LocalDate date, CalendarDayKind before, String beforeName, CalendarDayKind after,
        String afterName) {
}
