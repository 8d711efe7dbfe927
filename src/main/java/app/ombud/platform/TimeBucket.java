package app.ombud.platform;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * The periods BI rows are cut into, in the company's zone (the caller turns instants into company
 * dates): days, ISO weeks (Monday first), calendar months, calendar quarters and years. A period
 * is named by its first day ({@link #start}) and a label BI tools sort as text: {@code 2026-03-09},
 * {@code 2026-W11}, {@code 2026-03}, {@code 2026-Q1}, {@code 2026}.
 */
public enum TimeBucket {
    DAY, WEEK, MONTH, QUARTER, YEAR;

    /** The first day of the period that holds {@code date}. */
    public LocalDate start(LocalDate date) {
        return switch (this) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(date.getYear(), (date.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1, 1);
            case YEAR -> date.withDayOfYear(1);
        };
    }

    /** The first day of the period after the one starting on {@code start}. */
    public LocalDate next(LocalDate start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
            case YEAR -> start.plusYears(1);
        };
    }

    /** The first day of the period before the one starting on {@code start}. */
    public LocalDate previous(LocalDate start) {
        return switch (this) {
            case DAY -> start.minusDays(1);
            case WEEK -> start.minusWeeks(1);
            case MONTH -> start.minusMonths(1);
            case QUARTER -> start.minusMonths(3);
            case YEAR -> start.minusYears(1);
        };
    }

    /** The first day of the same period a year earlier (同比). */
    public LocalDate yearEarlier(LocalDate start) {
        return this == WEEK ? start(start.minusWeeks(52)) : start.minusYears(1);
    }

    /** The period's label, e.g. {@code 2026-Q1}; ISO weeks by their week-based year. */
    public String label(LocalDate start) {
        return switch (this) {
            case DAY -> start.toString();
            case WEEK -> "%d-W%02d".formatted(start.get(IsoFields.WEEK_BASED_YEAR),
                    start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> "%d-%02d".formatted(start.getYear(), start.getMonthValue());
            case QUARTER -> "%d-Q%d".formatted(start.getYear(), start.get(IsoFields.QUARTER_OF_YEAR));
            case YEAR -> Integer.toString(start.getYear());
        };
    }

    /** How many periods lie from {@code from} to {@code to} (both dates inclusive, {@code from} ≤ {@code to}). */
    public long count(LocalDate from, LocalDate to) {
        LocalDate first = start(from);
        LocalDate last = start(to);
        return switch (this) {
            case DAY -> ChronoUnit.DAYS.between(first, last) + 1;
            case WEEK -> ChronoUnit.WEEKS.between(first, last) + 1;
            case MONTH -> ChronoUnit.MONTHS.between(first, last) + 1;
            case QUARTER -> ChronoUnit.MONTHS.between(first, last) / 3 + 1;
            case YEAR -> last.getYear() - first.getYear() + 1;
        };
    }
}
