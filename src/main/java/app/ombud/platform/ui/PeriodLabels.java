package app.ombud.platform.ui;

import app.ombud.platform.PeriodWords;
import app.ombud.platform.TimeBucket;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.i18n.I18NProvider;
import java.time.LocalDate;
import java.util.Locale;

/**
 * A period's code, as the API and BI tools name it ({@link TimeBucket#label}: {@code 2026-12-01},
 * {@code 2026-W49}, {@code 2026-12}, {@code 2026-Q4}, {@code 2026}), in words for people
 * (ANALYTICS.md §4): 2026年12月, 2026年第四季度, 2026年第49周, 2026年 in Chinese; December 2026,
 * Q4 2026, Week 49, 2026 in English; a day as the portal writes days, 2026-12-01 — in the UI's
 * language ({@link PeriodWords} with the portal's translations).
 */
public final class PeriodLabels {

    private PeriodLabels() {
    }

    /** The period of {@code bucket} that holds {@code date}, in the current UI's language. */
    public static String of(TimeBucket bucket, LocalDate date) {
        return of(bucket.label(bucket.start(date)));
    }

    /** A period code in the current UI's language; empty for null. */
    public static String of(String code) {
        UI ui = UI.getCurrent();
        return PeriodWords.of(code, (key, args) -> ui.getTranslation(key, args));
    }

    /** A period code in {@code locale}, with the translations of {@code i18n}; empty for null. */
    public static String of(I18NProvider i18n, Locale locale, String code) {
        return PeriodWords.of(code, (key, args) -> i18n.getTranslation(key, locale, args));
    }

    /** The period of {@code bucket} that holds {@code date}, in {@code locale}. */
    public static String of(I18NProvider i18n, Locale locale, TimeBucket bucket, LocalDate date) {
        return of(i18n, locale, bucket.label(bucket.start(date)));
    }
}
