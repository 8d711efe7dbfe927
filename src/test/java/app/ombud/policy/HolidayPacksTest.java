package app.ombud.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped holiday packs, checked against the State Council's notices as published, read by
 * hand (not generated from the pack files): 国办发明电〔2023〕7号 (2024), 〔2024〕12号 (2025) and
 * 〔2025〕7号 (2026).
 */
class HolidayPacksTest {

    static final OffsetDateTime SHANGHAI_TIME = OffsetDateTime.of(2026, 9, 30, 10, 0, 0, 0, ZoneOffset.ofHours(8));

    final WorkingCalendar calendar = PolicyDefaults.content().calendar();

    /**
     * Wednesday 2026-09-30 10:00 plus 3 working days (3 × 7.5 h = 22.5 h): the 30th gives 6.5 h
     * (10:00–12:00, 13:30–18:00); 1–7 October are 国庆节; Thursday the 8th and Friday the 9th give
     * 15 h (1 h left); Saturday the 10th is the make-up working day (10月10日（周六）上班), so the
     * deadline is 10:00 that Saturday. Without the holidays it would be Monday 10-05 10:30.
     */
    @Test
    void aDeadlineOverNationalDay2026SkipsTheHolidaysAndCountsTheMakeUpSaturday() {
        var due = calendar.addWorkingDays(SHANGHAI_TIME.toInstant(), 3);
        assertThat(due).isEqualTo(OffsetDateTime.of(2026, 10, 10, 10, 0, 0, 0, ZoneOffset.ofHours(8)).toInstant());
        assertThat(LocalDate.of(2026, 10, 10).getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
    }

    @Test
    void the2026NoticeIsTheCalendarOfAFreshPolicy() {
        // 一、元旦：1月1日至3日放假调休，1月4日（周日）上班
        assertOff("2026-01-01", "2026-01-03");
        assertWorked("2026-01-04");
        // 二、春节：2月15日至23日放假调休，2月14日（周六）、2月28日（周六）上班
        assertOff("2026-02-15", "2026-02-23");
        assertWorked("2026-02-14", "2026-02-28");
        // 三、清明节 4月4日至6日；四、劳动节 5月1日至5日，5月9日（周六）上班
        assertOff("2026-04-04", "2026-04-06");
        assertOff("2026-05-01", "2026-05-05");
        assertWorked("2026-05-09");
        // 五、端午节 6月19日至21日；六、中秋节 9月25日至27日
        assertOff("2026-06-19", "2026-06-21");
        assertOff("2026-09-25", "2026-09-27");
        // 七、国庆节：10月1日至7日放假调休，9月20日（周日）、10月10日（周六）上班
        assertOff("2026-10-01", "2026-10-07");
        assertWorked("2026-09-20", "2026-10-10");
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 8))).isTrue();
        assertThat(calendar.holidays().keySet().stream().filter(d -> d.getYear() == 2026)).hasSize(33);
        assertThat(calendar.workdays().keySet().stream().filter(d -> d.getYear() == 2026)).hasSize(6);
    }

    @Test
    void the2025And2024NoticesAreThereToo() {
        // 2025：元旦1月1日；春节1月28日至2月4日，1月26日（周日）、2月8日（周六）上班；劳动节5月1日至5日，4月27日（周日）上班；
        // 端午节5月31日至6月2日；国庆节、中秋节10月1日至8日，9月28日（周日）、10月11日（周六）上班
        assertOff("2025-01-01", "2025-01-01");
        assertOff("2025-01-28", "2025-02-04");
        assertWorked("2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11");
        assertOff("2025-05-31", "2025-06-02");
        assertOff("2025-10-01", "2025-10-08");
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 1, 27))).isTrue();
        // 2024：春节2月10日至17日，2月4日（星期日）、2月18日（星期日）上班；国庆节10月1日至7日，9月29日、10月12日上班
        assertOff("2024-02-10", "2024-02-17");
        assertWorked("2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14",
                "2024-09-29", "2024-10-12");
        assertOff("2024-10-01", "2024-10-07");
    }

    @Test
    void eachYearNamesTheNoticeItFollows() {
        assertThat(calendar.sources()).extracting(HolidaySource::year).containsExactly(2024, 2025, 2026);
        assertThat(calendar.sources()).extracting(HolidaySource::documentNumber)
                .containsExactly("国办发明电〔2023〕7号", "国办发明电〔2024〕12号", "国办发明电〔2025〕7号");
        assertThat(calendar.sources()).extracting(HolidaySource::published).containsExactly(
                LocalDate.of(2023, 10, 25), LocalDate.of(2024, 11, 12), LocalDate.of(2025, 11, 4));
        assertThat(calendar.sources()).allSatisfy(source -> {
            assertThat(source.title()).isEqualTo("国务院办公厅关于" + source.year() + "年部分节假日安排的通知");
            assertThat(source.url()).startsWith("https://www.gov.cn/zhengce/");
        });
    }

    private void assertOff(String from, String to) {
        for (LocalDate day = LocalDate.parse(from); !day.isAfter(LocalDate.parse(to)); day = day.plusDays(1)) {
            assertThat(calendar.isWorkingDay(day)).as("%s is a holiday", day).isFalse();
        }
    }

    private void assertWorked(String... days) {
        List.of(days).forEach(day -> assertThat(calendar.isWorkingDay(LocalDate.parse(day)))
                .as("%s is a make-up working day", day).isTrue());
    }
}
