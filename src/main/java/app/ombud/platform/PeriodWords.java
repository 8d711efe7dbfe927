package app.ombud.platform;

import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * A period's code, as the API and BI tools name it ({@link TimeBucket#label}: {@code 2026-12-01},
 * {@code 2026-W49}, {@code 2026-12}, {@code 2026-Q4}, {@code 2026}), in words for people
 * (ANALYTICS.md §4): 2026年12月, 2026年第四季度, 2026年第49周, 2026年 in Chinese; December 2026,
 * Q4 2026, Week 49, 2026 in English; a day stays as it is. The words are translations
 * ({@code period.*}) looked up by {@code translate}; a text that is no period code comes back as
 * it is. The portal's {@code platform.ui.PeriodLabels} and the exports use it.
 */
public final class PeriodWords {

    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    private PeriodWords() {
    }

    /** The code in words, each translation key with its arguments looked up by {@code translate}; empty for null. */
    public static String of(String code, BiFunction<String, Object[], String> translate) {
        return label(code, (key, args) -> translate.apply(key, args));
    }

    private interface Translation {
        String of(String key, Object... args);
    }

    // the numbers go in as texts: a message format would write the year 2026 as "2,026"
    private static String label(String code, Translation t) {
        if (code == null) {
            return "";
        }
        if (DAY.matcher(code).matches()) {
            return code;
        }
        var week = WEEK.matcher(code);
        if (week.matches()) {
            return t.of("period.week", week.group(1), Integer.toString(Integer.parseInt(week.group(2))));
        }
        var month = MONTH.matcher(code);
        if (month.matches()) {
            return t.of("period.month." + Integer.parseInt(month.group(2)), month.group(1));
        }
        var quarter = QUARTER.matcher(code);
        if (quarter.matches()) {
            return t.of("period.quarter." + quarter.group(2), quarter.group(1));
        }
        if (YEAR.matcher(code).matches()) {
            return t.of("period.year", code);
        }
        return code;
    }
}
