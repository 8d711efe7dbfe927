package app.ombud.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.platform.TimeBucket;
import com.vaadin.flow.i18n.DefaultI18NProvider;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The period codes of the API in words, read with the portal's own translation files. */
class PeriodLabelsTest {

    private final DefaultI18NProvider i18n = new DefaultI18NProvider(List.of(Locale.SIMPLIFIED_CHINESE,
            Locale.ENGLISH));

    @Test
    void chineseNamesEachBucketInWords() {
        assertThat(zh("2026-12-03")).isEqualTo("2026-12-03");
        assertThat(zh("2026-W49")).isEqualTo("2026年第49周");
        assertThat(zh("2027-W01")).isEqualTo("2027年第1周");
        assertThat(zh("2026-03")).isEqualTo("2026年3月");
        assertThat(zh("2026-12")).isEqualTo("2026年12月");
        assertThat(zh("2026-Q1")).isEqualTo("2026年第一季度");
        assertThat(zh("2026-Q2")).isEqualTo("2026年第二季度");
        assertThat(zh("2026-Q3")).isEqualTo("2026年第三季度");
        assertThat(zh("2026-Q4")).isEqualTo("2026年第四季度");
        assertThat(zh("2026")).isEqualTo("2026年");
    }

    @Test
    void englishNamesEachBucketInWords() {
        assertThat(en("2026-12-03")).isEqualTo("2026-12-03");
        assertThat(en("2026-W49")).isEqualTo("Week 49, 2026");
        assertThat(en("2027-W01")).isEqualTo("Week 1, 2027");
        assertThat(en("2026-01")).isEqualTo("January 2026");
        assertThat(en("2026-12")).isEqualTo("December 2026");
        assertThat(en("2026-Q1")).isEqualTo("Q1 2026");
        assertThat(en("2026-Q4")).isEqualTo("Q4 2026");
        assertThat(en("2026")).isEqualTo("2026");
    }

    @Test
    void aDayNamesThePeriodOfEachBucketThatHoldsIt() {
        var day = LocalDate.of(2026, 12, 3);
        assertThat(PeriodLabels.of(i18n, Locale.SIMPLIFIED_CHINESE, TimeBucket.DAY, day)).isEqualTo("2026-12-03");
        assertThat(PeriodLabels.of(i18n, Locale.SIMPLIFIED_CHINESE, TimeBucket.WEEK, day)).isEqualTo("2026年第49周");
        assertThat(PeriodLabels.of(i18n, Locale.SIMPLIFIED_CHINESE, TimeBucket.MONTH, day)).isEqualTo("2026年12月");
        assertThat(PeriodLabels.of(i18n, Locale.SIMPLIFIED_CHINESE, TimeBucket.QUARTER, day))
                .isEqualTo("2026年第四季度");
        assertThat(PeriodLabels.of(i18n, Locale.SIMPLIFIED_CHINESE, TimeBucket.YEAR, day)).isEqualTo("2026年");
        assertThat(PeriodLabels.of(i18n, Locale.ENGLISH, TimeBucket.DAY, day)).isEqualTo("2026-12-03");
        assertThat(PeriodLabels.of(i18n, Locale.ENGLISH, TimeBucket.WEEK, day)).isEqualTo("Week 49, 2026");
        assertThat(PeriodLabels.of(i18n, Locale.ENGLISH, TimeBucket.MONTH, day)).isEqualTo("December 2026");
        assertThat(PeriodLabels.of(i18n, Locale.ENGLISH, TimeBucket.QUARTER, day)).isEqualTo("Q4 2026");
        assertThat(PeriodLabels.of(i18n, Locale.ENGLISH, TimeBucket.YEAR, day)).isEqualTo("2026");
        // 1 January 2027 is a Friday: still in the 53rd ISO week of 2026
        assertThat(PeriodLabels.of(i18n, Locale.SIMPLIFIED_CHINESE, TimeBucket.WEEK, LocalDate.of(2027, 1, 1)))
                .isEqualTo("2026年第53周");
        assertThat(PeriodLabels.of(i18n, Locale.ENGLISH, TimeBucket.WEEK, LocalDate.of(2027, 1, 1)))
                .isEqualTo("Week 53, 2026");
    }

    @Test
    void everyMonthHasItsWords() {
        String[] english = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
            "October", "November", "December"};
        for (int m = 1; m <= 12; m++) {
            String code = "2030-%02d".formatted(m);
            assertThat(zh(code)).isEqualTo("2030年" + m + "月");
            assertThat(en(code)).isEqualTo(english[m - 1] + " 2030");
        }
    }

    @Test
    void whatIsNoPeriodCodeStaysAsItIs() {
        assertThat(zh("2026-13")).isEqualTo("2026-13");
        assertThat(zh("2026-Q5")).isEqualTo("2026-Q5");
        assertThat(zh(null)).isEmpty();
    }

    private String zh(String code) {
        return PeriodLabels.of(i18n, Locale.SIMPLIFIED_CHINESE, code);
    }

    private String en(String code) {
        return PeriodLabels.of(i18n, Locale.ENGLISH, code);
    }
}
