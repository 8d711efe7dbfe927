package app.ombud.calltest;

import static app.ombud.support.TestData.as;
import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.directory.DirectoryService;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.Role;
import app.ombud.policy.PolicyService;
import app.ombud.support.ApiAccess;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A published quarter's report downloaded through the API with a person's token: the Excel
 * workbook's team figures equal the mean and sample standard deviation worked out here from the
 * recorded rings; the PDF holds the Chinese title, the conclusions and a chart per measure as
 * images, in an embedded font, and English on asking; a later call changes neither file; an
 * agent is refused.
 */
@app.ombud.support.OmbudIntegrationTest
class ReportExportsTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    ApiAccess api;

    @Autowired
    DirectoryService directory;

    @Autowired
    CallTestGroups groups;

    @Autowired
    Scenarios scenarios;

    @Autowired
    Plans plans;

    @Autowired
    Draws draws;

    @Autowired
    TestCalls calls;

    @Autowired
    CallTestReports reports;

    @Autowired
    PolicyService policy;

    CallTestFixture f;

    @Test
    void aPublishedReportDownloadsAsExcelAndPdfAndStaysTheSame() {
        f = CallTestFixture.create("RX", directory, groups, scenarios, plans);
        var plan = f.activePlan(4);
        String month = f.quarter.firstMonth().toString();
        var slots = staff(() -> draws.draw(plan.id(), month, null)).drawOf(month).orElseThrow().slots().stream()
                .filter(s -> s.channel() == CallChannel.PHONE).toList();
        var scenario = staff(() -> scenarios.get(plan.scenarios().getFirst().scenarioId()));
        // the previous quarter's report (other tests report on the last three months and this
        // quarter), of calls on its last evening: at most 92 days ago, as old as Ombud takes them
        // (only in the last hour of a 92-day quarter would they be older)
        Quarter quarter = Quarter.of(java.time.LocalDate.now(ZONE).withDayOfMonth(1).minusMonths(3));
        var day = quarter.lastDay();
        YearMonth called = YearMonth.from(day);
        Instant at = day.atTime(23, 0).atZone(ZONE).toInstant();
        int[] rings = {2, 5, 6};
        for (int i = 0; i < rings.length; i++) {
            record(slots.get(i), scenario, at.plusSeconds(600L * i), rings[i]);
        }
        var draft = staff(() -> reports.create(quarter.toString()));
        var edited = staff(() -> reports.edit(draft.id(), "本季度接通前响铃偏多", "高峰时段加强排班", draft.version()));
        var published = lead(() -> reports.publish(draft.id(), edited.version()));

        String token = api.personToken(f.staff, Role.CALLTEST_STAFF);
        byte[] excel = download("/api/calltest/reports/" + published.id() + "/xlsx", token);
        Map<String, List<List<String>>> sheets = sheets(excel);
        assertThat(sheets).containsKeys("概况", "全公司", "按班组和月份", "相关性（皮尔逊）", "常见问题");
        List<String> teamRings = sheets.get("按班组和月份").stream()
                .filter(r -> r.get(1).equals(f.team.name()) && r.get(2).equals("接通前响铃次数")).findFirst()
                .orElseThrow();
        double mean = (2 + 5 + 6) / 3.0;
        double sd = Math.sqrt((Math.pow(2 - mean, 2) + Math.pow(5 - mean, 2) + Math.pow(6 - mean, 2)) / 2);
        assertThat(teamRings.get(0)).isEqualTo(called.getYear() + "年" + called.getMonthValue() + "月");
        assertThat(new BigDecimal(teamRings.get(3)).intValue()).isEqualTo(3);
        assertThat(new BigDecimal(teamRings.get(4)).doubleValue()).isCloseTo(mean, org.assertj.core.data.Offset
                .offset(0.005));
        assertThat(new BigDecimal(teamRings.get(5)).doubleValue()).isCloseTo(sd, org.assertj.core.data.Offset
                .offset(0.005));
        assertThat(sheets.get("概况")).anySatisfy(r -> assertThat(r).containsExactly("结论", "本季度接通前响铃偏多"));

        byte[] pdf = download("/api/calltest/reports/" + published.id() + "/pdf", token);
        String quarterWords = quarter.year() + "年第" + List.of("一", "二", "三", "四").get(quarter.number() - 1) + "季度";
        Pdf read = read(pdf);
        assertThat(read.text).contains(quarterWords + " 拨测报告", "本季度接通前响铃偏多", "高峰时段加强排班",
                "接通前响铃次数").doesNotContain("#");
        assertThat(read.images).as("a chart per measure with calls").isGreaterThanOrEqualTo(1);
        assertThat(read.fonts).allSatisfy(font -> assertThat(font).contains("WenQuanYi"));
        Pdf english = read(download("/api/calltest/reports/" + published.id() + "/pdf?lang=en", token));
        assertThat(english.text).contains("Q" + quarter.number() + " " + quarter.year(), "Rings before pickup");

        // a later call of the quarter changes neither file
        record(slots.get(3), scenario, at.plusSeconds(3000), 9);
        assertThat(sheets(download("/api/calltest/reports/" + published.id() + "/xlsx", token))).isEqualTo(sheets);
        assertThat(read(download("/api/calltest/reports/" + published.id() + "/pdf", token)).text)
                .isEqualTo(read.text);

        String agent = api.personToken(f.agents.getFirst(), Role.AGENT);
        api.http().get().uri("/api/calltest/reports/" + published.id() + "/pdf").header("Authorization",
                "Bearer " + agent).exchange().expectStatus().isForbidden();
        api.http().get().uri("/api/calltest/reports/" + published.id() + "/xlsx").exchange().expectStatus()
                .isUnauthorized();
    }

    @Test
    void theStatisticsRowsExportForBiReadersAndABadBucketIsRefused() {
        String bi = api.token(Role.BI_READER);
        byte[] excel = download("/api/calltest/measure-rows.xlsx?from=2026-01-01&to=2026-03-31&bucket=QUARTER"
                + "&groupBy=COMPANY&lang=en", bi);
        var sheets = sheets(excel);
        assertThat(sheets).containsOnlyKeys("Test-call figures");
        api.http().get().uri("/api/calltest/measure-rows.xlsx?from=2026-03-31&to=2026-01-01&bucket=QUARTER"
                + "&groupBy=COMPANY").header("Authorization", "Bearer " + bi).exchange().expectStatus().isBadRequest();
        api.http().get().uri("/api/calltest/measure-rows.xlsx?from=2026-01-01&to=2026-03-31&bucket=DECADE"
                + "&groupBy=COMPANY").header("Authorization", "Bearer " + bi).exchange().expectStatus().isBadRequest();
    }

    private byte[] download(String path, String token) {
        return api.http().get().uri(path).header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
    }

    /** Each sheet's rows below its header, as the cells' text. */
    static Map<String, List<List<String>>> sheets(byte[] excel) {
        Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(excel))) {
            for (var sheet : workbook.getSheets().toList()) {
                List<List<String>> rows = new ArrayList<>();
                for (Row row : sheet.read()) {
                    if (row.getRowNum() > 1) {
                        List<String> cells = new ArrayList<>();
                        for (int c = 0; c < row.getCellCount(); c++) {
                            cells.add(row.getCellText(c));
                        }
                        rows.add(cells);
                    }
                }
                sheets.put(sheet.getName(), rows);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sheets;
    }

    record Pdf(String text, int images, List<String> fonts) {
    }

    static Pdf read(byte[] pdf) {
        try (var document = Loader.loadPDF(pdf)) {
            int images = 0;
            List<String> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                        images++;
                    }
                }
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    fonts.add(font.getName());
                }
            }
            return new Pdf(new PDFTextStripper().getText(document), images, fonts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void record(Slot slot, Scenario scenario, Instant at, int rings) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        policy.current().content().scorecard().items().forEach(i -> answers.put(i.code(), i.scale().max()));
        staff(() -> calls.record(new TestCallInput(slot.id(), new ScenarioRef(scenario.id(),
                scenario.current().revision()), at, rings, null, "告知单号", true, List.of(),
                new Communication(4, null, null, null), null, List.of("响铃过多"), null, null, answers),
                IdempotencyKey.NONE));
    }

    private <T> T staff(Supplier<T> work) {
        return as(f.staff, work, Role.CALLTEST_STAFF);
    }

    private <T> T lead(Supplier<T> work) {
        return as(f.lead, work, Role.CALLTEST_STAFF);
    }
}
