package app.ombud.calltest;

import app.ombud.platform.OmbudException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A calendar quarter as plans name it, {@code 2027-Q1}; its months are {@code 2027-01} to
 * {@code 2027-03}.
 */
public record Quarter(int year, int number) {

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

    /** Reads {@code 2027-Q1}; QUARTER_INVALID otherwise. */
    public static Quarter parse(String text, String field) {
        var match = text == null ? null : QUARTER.matcher(text.strip());
        if (match == null || !match.matches()) {
            throw OmbudException.badRequest("QUARTER_INVALID", field, "{0} is not a quarter like 2027-Q1", text);
        }
        return new Quarter(Integer.parseInt(match.group(1)), Integer.parseInt(match.group(2)));
    }

    /** Reads a month {@code 2027-01}; MONTH_INVALID otherwise. */
    public static YearMonth month(String text, String field) {
        if (text == null || !MONTH.matcher(text.strip()).matches()) {
            throw OmbudException.badRequest("MONTH_INVALID", field, "{0} is not a month like 2027-01", text);
        }
        return YearMonth.parse(text.strip());
    }

    public static Quarter of(LocalDate date) {
        return new Quarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
    }

    public YearMonth firstMonth() {
        return YearMonth.of(year, (number - 1) * 3 + 1);
    }

    /** The quarter's three months. */
    public List<YearMonth> months() {
        var first = firstMonth();
        return List.of(first, first.plusMonths(1), first.plusMonths(2));
    }

    public boolean contains(YearMonth month) {
        return months().contains(month);
    }

    public LocalDate lastDay() {
        return firstMonth().plusMonths(2).atEndOfMonth();
    }

    public boolean isBefore(Quarter other) {
        return year < other.year || (year == other.year && number < other.number);
    }

    @Override
    public String toString() {
        return year + "-Q" + number;
    }
}
