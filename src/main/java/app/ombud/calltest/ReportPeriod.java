package app.ombud.calltest;

import app.ombud.platform.OmbudException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Pattern;

/**
 * The period of a test-call report: a calendar month ({@code 2027-01}) or a calendar quarter
 * ({@code 2027-Q1}), in the company's zone.
 */
public record ReportPeriod(String label) {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    /** The period of a label, or REPORT_PERIOD_INVALID. */
    public static ReportPeriod parse(String label, String field) {
        String checked = app.ombud.platform.TextInput.optional(label, field, app.ombud.platform.TextInput.Kind.CODE);
        String given = checked == null ? "" : checked;
        if (!MONTH.matcher(given).matches() && !QUARTER.matcher(given).matches()) {
            throw OmbudException.badRequest("REPORT_PERIOD_INVALID", field,
                    "A report's period is a month (2027-01) or a quarter (2027-Q1): {0}", given);
        }
        return new ReportPeriod(given);
    }

    public boolean quarter() {
        return label.contains("Q");
    }

    public LocalDate first() {
        var q = QUARTER.matcher(label);
        if (q.matches()) {
            return LocalDate.of(Integer.parseInt(q.group(1)), (Integer.parseInt(q.group(2)) - 1) * 3 + 1, 1);
        }
        return YearMonth.parse(label).atDay(1);
    }

    public LocalDate last() {
        return quarter() ? first().plusMonths(3).minusDays(1) : YearMonth.parse(label).atEndOfMonth();
    }

    /** Whether the day falls in the period. */
    public boolean contains(LocalDate day) {
        return !day.isBefore(first()) && !day.isAfter(last());
    }
}
