package app.ombud.policy;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Holidays and swapped working days read from a file, each with its title, to review before
 * saving; with the source the file names (null when it names none).
 */
public record CalendarDates(Map<LocalDate, String> holidays, Map<LocalDate, String> workdays, HolidaySource source) {

    public CalendarDates {
        holidays = java.util.Collections.unmodifiableMap(new TreeMap<>(holidays));
        workdays = java.util.Collections.unmodifiableMap(new TreeMap<>(workdays));
    }

    /** The year most of the dates fall in (a notice for 2023 may start on 2022-12-31). */
    public int mainYear() {
        return Stream.concat(holidays.keySet().stream(), workdays.keySet().stream())
                .collect(Collectors.groupingBy(LocalDate::getYear, TreeMap::new, Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElseThrow();
    }

    public CalendarDates withSource(HolidaySource value) {
        return new CalendarDates(holidays, workdays, value);
    }
}
