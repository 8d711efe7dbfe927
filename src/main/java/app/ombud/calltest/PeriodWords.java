package app.ombud.calltest;

import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * A period's code ({@link app.ombud.platform.TimeBucket#label}) in words for the exports
 * (ANALYTICS.md §4): 2026年12月 / December 2026, 2026年第四季度 / Q4 2026, 2026年第49周 /
 * Week 49, 2026; a day and a year stay as they are. The words come from the translations.
 */
public final class PeriodWords {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

    private PeriodWords() {
    }

    public static String of(String code, BiFunction<String, Object[], String> translate) {
        if (code == null) {
            return "";
        }
        var m = MONTH.matcher(code);
        if (m.matches()) {
            int month = Integer.parseInt(m.group(2));
            return translate.apply("export.period.month", new Object[] {m.group(1), String.valueOf(month),
                    translate.apply("export.period.monthName." + month, new Object[0])});
        }
        var q = QUARTER.matcher(code);
        if (q.matches()) {
            return translate.apply("export.period.quarter", new Object[] {q.group(1), translate.apply(
                    "export.period.quarterName." + q.group(2), new Object[0])});
        }
        var w = WEEK.matcher(code);
        if (w.matches()) {
            return translate.apply("export.period.week", new Object[] {w.group(1), String.valueOf(Integer.parseInt(
                    w.group(2)))});
        }
        return code;
    }
}
