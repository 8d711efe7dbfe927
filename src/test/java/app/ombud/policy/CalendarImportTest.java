package app.ombud.policy;

import static app.ombud.support.TestData.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ombud.platform.OmbudException;
import app.ombud.platform.Role;
import app.ombud.support.ApiAccess;
import app.ombud.support.OmbudIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Fault 9: the holiday packs on a fresh store, and an admin's import of a year's holidays. */
@OmbudIntegrationTest
class CalendarImportTest {

    @Autowired
    PolicyService policies;

    @Autowired
    ApiAccess api;

    static final String NOTICE_2033 = "国务院办公厅关于2033年部分节假日安排的通知";

    @Test
    void aFreshStoresPolicyHoldsThePacksAndDeadlinesOverNationalDaySkipThem() {
        var fresh = api.as(Role.BI_READER).documentName("freshPolicyCalendar")
                .variable("start", "2026-09-30T10:00:00+08:00").execute();
        fresh.path("policyVersion.origin").entity(String.class).isEqualTo("DEFAULTS")
                .path("policyVersion.calendar.holidays[?(@.date == '2026-10-01')].name").entityList(String.class)
                .containsExactly("国庆节")
                .path("policyVersion.calendar.workdays[?(@.date == '2026-10-10')].name").entityList(String.class)
                .containsExactly("国庆节调休上班")
                .path("policyVersion.calendar.sources[?(@.year == 2026)].documentNumber").entityList(String.class)
                .containsExactly("国办发明电〔2025〕7号")
                .path("policyVersion.calendar.sources[?(@.year == 2026)].url").entityList(String.class)
                .containsExactly("https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm")
                // worked out by hand in HolidayPacksTest: Saturday 10-10, 10:00 in Shanghai
                .path("addWorkingTime.due").entity(String.class).isEqualTo("2026-10-10T02:00:00Z");
        var first = asAdmin(() -> policies.version(1));
        assertThat(first.origin()).isEqualTo(PolicyOrigin.DEFAULTS);
        assertThat(first.comment()).isEmpty();
        assertThat(first.content().calendar().isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
    }

    @Test
    void anAdminPreviewsAYearThenImportsItAsANewVersionReplacingThatYear() {
        var admin = api.as(Role.ADMIN);
        String first = PolicyFixture.ics(NOTICE_2033, "20331001 20331008 国庆节", "20330925 20330926 国庆节调休上班",
                "20330101 20330102 元旦");
        int base = policies.current().number();
        var preview = admin.documentName("previewCalendarImport").variable("input",
                Map.of("year", 2033, "ics", first)).execute();
        preview.path("previewCalendarImport.basedOnVersion").entity(Integer.class).isEqualTo(base)
                .path("previewCalendarImport.source.title").entity(String.class).isEqualTo(NOTICE_2033)
                .path("previewCalendarImport.changes[?(@.date == '2033-10-03')].after").entityList(String.class)
                .containsExactly("HOLIDAY")
                .path("previewCalendarImport.changes[?(@.date == '2033-09-25')].after").entityList(String.class)
                .containsExactly("WORKDAY");
        assertThat(policies.current().number()).as("a preview saves nothing").isEqualTo(base);

        admin.documentName("importCalendarYear").variable("input", Map.of("basedOnVersion", base, "year", 2033,
                "ics", first, "comment", "2033 年放假安排",
                "source", Map.of("title", NOTICE_2033, "documentNumber", "国办发明电〔2032〕9号",
                        "published", "2032-11-05", "url", "https://www.gov.cn/zhengce/2033.htm"))).execute()
                .path("importCalendarYear.policy.number").entity(Integer.class).isEqualTo(base + 1)
                .path("importCalendarYear.policy.origin").entity(String.class).isEqualTo("CALENDAR_IMPORT")
                .path("importCalendarYear.policy.originArgs").entityList(String.class).containsExactly("2033")
                .path("importCalendarYear.policy.changedSections").entityList(String.class).containsExactly("calendar")
                .path("importCalendarYear.policy.calendar.sources[?(@.year == 2033)].documentNumber")
                .entityList(String.class).containsExactly("国办发明电〔2032〕9号");
        var calendar = policies.calendar();
        assertThat(calendar.isWorkingDay(LocalDate.of(2033, 10, 3))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2033, 9, 25))).as("a Sunday worked").isTrue();
        assertThat(calendar.holidays()).containsKey(LocalDate.of(2026, 10, 1));

        // importing 2033 again replaces that year: 元旦 moved, National Day as it was is gone
        String second = PolicyFixture.ics(NOTICE_2033, "20330103 20330104 元旦");
        var replaced = asAdmin(() -> policies.importCalendarYear(base + 1, 2033,
                second.getBytes(StandardCharsets.UTF_8), null, null));
        var changes = asAdmin(() -> policies.previewCalendarImport(2033, second.getBytes(StandardCharsets.UTF_8),
                null)).changes();
        assertThat(changes).as("nothing left to change").isEmpty();
        WorkingCalendar after = replaced.content().calendar();
        assertThat(after.holidays().keySet().stream().filter(d -> d.getYear() == 2033))
                .containsExactly(LocalDate.of(2033, 1, 3));
        assertThat(after.workdays().keySet().stream().filter(d -> d.getYear() == 2033)).isEmpty();
        assertThat(after.sources()).filteredOn(s -> s.year() == 2033).singleElement()
                .satisfies(s -> assertThat(s.documentNumber()).isNull());
    }

    @Test
    void badInputIsRefusedWithAClearErrorAndNothingIsSaved() {
        int base = policies.current().number();
        assertRefused(PolicyFixture.ics(NOTICE_2033, "20341001 20341002 国庆节"), 2033, "CALENDAR_IMPORT_OUTSIDE_YEAR", "year");
        assertRefused(PolicyFixture.ics(null, "20331001 20331002 国庆节"), 2033, "CALENDAR_SOURCE_MISSING", "sources.title");
        assertRefused("BEGIN:VCALENDAR\r\nnonsense", 2033, "ICS_UNREADABLE", "file");
        // 2033-10-03 is a Monday: a make-up working day must be a day off by the week
        assertRefused(PolicyFixture.ics(NOTICE_2033, "20331003 20331004 国庆节调休上班"), 2033,
                "CALENDAR_SWAPPED_DAY_ALREADY_WORKING", "workdays");
        assertThat(policies.current().number()).isEqualTo(base);

        api.as(Role.ADMIN).documentName("importCalendarYear").variable("input", Map.of("basedOnVersion", base,
                "year", 2033, "ics", PolicyFixture.ics(NOTICE_2033, "20331001 20331002 国庆节"),
                "source", Map.of("title", NOTICE_2033, "url", "javascript:alert(1)"))).execute().errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getExtensions()).containsEntry("code", "CALENDAR_SOURCE_URL_INVALID");
                    assertThat(e.getMessage()).contains("http");
                }));
        assertThat(policies.current().number()).isEqualTo(base);
    }

    private void assertRefused(String file, int year, String code, String field) {
        int base = policies.current().number();
        assertThatThrownBy(() -> asAdmin(() -> policies.importCalendarYear(base, year,
                file.getBytes(StandardCharsets.UTF_8), null, null)))
                .isInstanceOfSatisfying(OmbudException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.field()).isEqualTo(field);
                });
    }
}
