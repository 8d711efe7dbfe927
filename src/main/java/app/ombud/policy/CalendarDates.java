package app.ombud.policy;

import java.time.LocalDate;
import java.util.Map;

/** Holidays and swapped working days read from a file, each with its title, to review before saving. */
public record CalendarDates(Map<LocalDate, String> holidays, Map<LocalDate, String> workdays) {
}
