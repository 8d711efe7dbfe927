package app.ombud.policy;

import app.ombud.platform.CompanyZone;
import app.ombud.platform.OmbudException;
import app.ombud.platform.TextInput;
import app.ombud.platform.TimeInput;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The company's working time: a time zone, the weekly working days, the working periods of a
 * day (e.g. 09:00–12:00 and 13:30–18:00), public holidays and swapped working days (调休: a
 * weekend date that is worked). Every deadline in Ombud is computed here.
 *
 * <p>Working time is counted only inside working periods of working days. Adding working time
 * to an instant outside working time starts at the next working moment; a result that lands
 * exactly at the end of a period stays there (a deadline "by the end of Tuesday" rather than
 * "Wednesday 09:00").
 *
 * <p>{@code sources} name where each year's holidays came from (the State Council's notice of
 * the shipped holiday packs, or what an admin imported).
 */
public record WorkingCalendar(ZoneId zone, Set<DayOfWeek> workingDays, List<Period> periods,
        Map<LocalDate, String> holidays, Map<LocalDate, String> workdays, List<HolidaySource> sources) implements PolicySection {

    /** How far ahead a computation may search for working time before it gives up. */
    private static final int SEARCH_DAYS = 3660;

    /** One working period of a day, start inclusive, end exclusive. */
    public record Period(LocalTime start, LocalTime end) {
        public Duration length() {
            return Duration.between(start, end);
        }
    }

    /** Mon–Fri, 09:00–12:00 and 13:30–18:00, Asia/Shanghai, no holidays yet. */
    public static WorkingCalendar chinaDefault() {
        return new WorkingCalendar(CompanyZone.DEFAULT,
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                List.of(new Period(LocalTime.of(9, 0), LocalTime.of(12, 0)),
                        new Period(LocalTime.of(13, 30), LocalTime.of(18, 0))),
                Map.of(), Map.of(), List.of());
    }

    /** This calendar with other holidays and swapped working days; the sources stay. */
    public WorkingCalendar withSpecialDays(Map<LocalDate, String> nextHolidays, Map<LocalDate, String> nextWorkdays) {
        return new WorkingCalendar(zone, workingDays, periods, nextHolidays, nextWorkdays, sources);
    }

    public WorkingCalendar {
        sources = sources == null ? List.of()
                : sources.stream().sorted(Comparator.comparingInt(HolidaySource::year)).toList();
        workingDays = workingDays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(workingDays));
        periods = periods.stream().sorted(Comparator.comparing(Period::start)).toList();
        holidays = java.util.Collections.unmodifiableMap(new TreeMap<>(holidays));
        workdays = java.util.Collections.unmodifiableMap(new TreeMap<>(workdays));
    }

    /** Checks the calendar; the first problem is thrown with the field it concerns. */
    public WorkingCalendar validate() {
        holidays.values().forEach(name -> TextInput.optional(name, "holidays.name", TextInput.Kind.NAME));
        workdays.values().forEach(name -> TextInput.optional(name, "workdays.name", TextInput.Kind.NAME));
        holidays.keySet().forEach(date -> TimeInput.checkRange(date, "holidays"));
        workdays.keySet().forEach(date -> TimeInput.checkRange(date, "workdays"));
        sources.forEach(HolidaySource::validate);
        if (sources.stream().map(HolidaySource::year).distinct().count() < sources.size()) {
            throw OmbudException.badRequest("CALENDAR_SOURCE_YEAR_TWICE", "sources",
                    "Name one source per year");
        }
        if (workingDays.isEmpty()) {
            throw OmbudException.badRequest("CALENDAR_NO_WORKING_DAYS", "workingDays",
                    "Choose at least one working day of the week");
        }
        if (periods.isEmpty()) {
            throw OmbudException.badRequest("CALENDAR_NO_PERIODS", "periods", "Give at least one working period");
        }
        LocalTime previousEnd = null;
        for (Period period : periods) {
            if (period.start() == null || period.end() == null || !period.start().isBefore(period.end())) {
                throw OmbudException.badRequest("CALENDAR_PERIOD_INVALID", "periods",
                        "A working period must start before it ends: {0}", period);
            }
            if (previousEnd != null && period.start().isBefore(previousEnd)) {
                throw OmbudException.badRequest("CALENDAR_PERIODS_OVERLAP", "periods",
                        "Working periods overlap at {0}", period.start());
            }
            previousEnd = period.end();
        }
        for (LocalDate date : workdays.keySet()) {
            if (holidays.containsKey(date)) {
                throw OmbudException.badRequest("CALENDAR_DAY_BOTH", "workdays",
                        "{0} is both a holiday and a swapped working day", date);
            }
            if (workingDays.contains(date.getDayOfWeek())) {
                throw OmbudException.badRequest("CALENDAR_SWAPPED_DAY_ALREADY_WORKING", "workdays",
                        "{0} is a working day anyway; a swapped working day (调休) must be a day off by the week",
                        date);
            }
        }
        return this;
    }

    /**
     * This calendar with a year's holidays and swapped working days replaced by those given:
     * the special days of that year go, the given ones come (those of the neighbouring December
     * or January too, as a notice for 2023 starts on 2022-12-31), and the source of that year
     * becomes the one given. Dates further away are refused.
     */
    public WorkingCalendar withYear(int year, CalendarDates dates, HolidaySource source) {
        LocalDate first = LocalDate.of(year, 1, 1).minusMonths(1);
        LocalDate last = LocalDate.of(year, 12, 31).plusMonths(1);
        java.util.stream.Stream.concat(dates.holidays().keySet().stream(), dates.workdays().keySet().stream())
                .filter(date -> date.isBefore(first) || date.isAfter(last)).findFirst().ifPresent(date -> {
                    throw OmbudException.badRequest("CALENDAR_IMPORT_OUTSIDE_YEAR", "year",
                            "{0} is not in {1} or next to it; import each year on its own", date, String.valueOf(year));
                });
        Map<LocalDate, String> nextHolidays = new TreeMap<>(holidays);
        Map<LocalDate, String> nextWorkdays = new TreeMap<>(workdays);
        nextHolidays.keySet().removeIf(date -> date.getYear() == year);
        nextWorkdays.keySet().removeIf(date -> date.getYear() == year);
        dates.holidays().forEach((date, name) -> {
            nextWorkdays.remove(date);
            nextHolidays.put(date, name);
        });
        dates.workdays().forEach((date, name) -> {
            nextHolidays.remove(date);
            nextWorkdays.put(date, name);
        });
        List<HolidaySource> nextSources = new ArrayList<>(sources);
        nextSources.removeIf(s -> s.year() == year);
        if (source != null) {
            nextSources.add(source);
        }
        return new WorkingCalendar(zone, workingDays, periods, nextHolidays, nextWorkdays, nextSources);
    }

    /** What a date is beyond the weekly pattern, and its name. */
    public CalendarDayKind kindOf(LocalDate date) {
        return holidays.containsKey(date) ? CalendarDayKind.HOLIDAY
                : workdays.containsKey(date) ? CalendarDayKind.WORKDAY : CalendarDayKind.NORMAL;
    }

    private String nameOf(LocalDate date) {
        return switch (kindOf(date)) {
            case HOLIDAY -> holidays.get(date);
            case WORKDAY -> workdays.get(date);
            case NORMAL -> null;
        };
    }

    /** The dates whose kind or name differ in {@code next}, in date order. */
    public List<CalendarChange> changesTo(WorkingCalendar next) {
        java.util.TreeSet<LocalDate> dates = new java.util.TreeSet<>(holidays.keySet());
        dates.addAll(workdays.keySet());
        dates.addAll(next.holidays().keySet());
        dates.addAll(next.workdays().keySet());
        List<CalendarChange> changes = new ArrayList<>();
        for (LocalDate date : dates) {
            CalendarDayKind before = kindOf(date);
            CalendarDayKind after = next.kindOf(date);
            String beforeName = nameOf(date);
            String afterName = next.nameOf(date);
            if (before != after || !java.util.Objects.equals(beforeName, afterName)) {
                changes.add(new CalendarChange(date, before, beforeName, after, afterName));
            }
        }
        return changes;
    }

    public boolean isWorkingDay(LocalDate date) {
        if (holidays.containsKey(date)) {
            return false;
        }
        return workdays.containsKey(date) || workingDays.contains(date.getDayOfWeek());
    }

    /** The length of one full working day. */
    public Duration workingDayLength() {
        return periods.stream().map(Period::length).reduce(Duration.ZERO, Duration::plus);
    }

    /** The instant after {@code amount} of working time from {@code start}. */
    public Instant addWorkingTime(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw OmbudException.badRequest("CALENDAR_NEGATIVE_AMOUNT", "amount", "Only forward: {0}", amount);
        }
        if (amount.isZero()) {
            return start;
        }
        ZonedDateTime cursor = start.atZone(zone);
        Duration remaining = amount;
        LocalDate day = cursor.toLocalDate();
        for (int i = 0; i < SEARCH_DAYS; i++, day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (Period period : periods) {
                ZonedDateTime from = day.atTime(period.start()).atZone(zone);
                ZonedDateTime to = day.atTime(period.end()).atZone(zone);
                if (!to.isAfter(cursor)) {
                    continue;
                }
                if (from.isBefore(cursor)) {
                    from = cursor;
                }
                Duration available = Duration.between(from, to);
                if (remaining.compareTo(available) <= 0) {
                    return from.plus(remaining).toInstant();
                }
                remaining = remaining.minus(available);
            }
        }
        throw OmbudException.badRequest("CALENDAR_NO_WORKING_TIME", "calendar",
                "The calendar has no working time within {0} days", SEARCH_DAYS);
    }

    /** The instant after {@code days} working days: that many full working days of working time. */
    public Instant addWorkingDays(Instant start, int days) {
        if (days < 0) {
            throw OmbudException.badRequest("CALENDAR_NEGATIVE_AMOUNT", "days", "Only forward: {0}", days);
        }
        return addWorkingTime(start, workingDayLength().multipliedBy(days));
    }

    public Instant addWorkingHours(Instant start, long hours) {
        return addWorkingTime(start, Duration.ofHours(hours));
    }

    /** The working time between two instants (zero when {@code to} is not after {@code from}). */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        ZonedDateTime start = from.atZone(zone);
        ZonedDateTime end = to.atZone(zone);
        Duration total = Duration.ZERO;
        for (LocalDate day = start.toLocalDate(); !day.isAfter(end.toLocalDate()); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (Period period : periods) {
                ZonedDateTime a = day.atTime(period.start()).atZone(zone);
                ZonedDateTime b = day.atTime(period.end()).atZone(zone);
                ZonedDateTime lo = a.isAfter(start) ? a : start;
                ZonedDateTime hi = b.isBefore(end) ? b : end;
                if (hi.isAfter(lo)) {
                    total = total.plus(Duration.between(lo, hi));
                }
            }
        }
        return total;
    }

    /** The non-working days of a month that differ from the weekly pattern, for a month view. */
    public List<LocalDate> specialDaysIn(java.time.YearMonth month) {
        List<LocalDate> days = new ArrayList<>();
        holidays.keySet().stream().filter(d -> java.time.YearMonth.from(d).equals(month)).forEach(days::add);
        workdays.keySet().stream().filter(d -> java.time.YearMonth.from(d).equals(month)).forEach(days::add);
        days.sort(null);
        return days;
    }
}
