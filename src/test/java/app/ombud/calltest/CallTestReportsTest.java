package app.ombud.calltest;

import static app.ombud.support.TestData.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.ombud.directory.DirectoryService;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.OmbudException;
import app.ombud.platform.Role;
import app.ombud.policy.PolicyService;
import app.ombud.support.ApiAccess;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.ScrollPosition;

/**
 * A month's report: live figures while a draft, frozen once the lead publishes it (a later call
 * changes nothing in it, nor in its PDF and Excel files, whose figures equal the mean and sample
 * standard deviation worked out here); the agent sees their own results of the period only after
 * that, and is refused the files.
 */
@app.ombud.support.OmbudIntegrationTest
class CallTestReportsTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    ApiAccess api;

    @Autowired
    app.ombud.platform.export.ExportFont font;

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
    void aPublishedReportIsFrozenAndOnlyThenTheAgentSeesTheirResults() {
        f = CallTestFixture.create("RP", directory, groups, scenarios, plans);
        var plan = f.activePlan(4);
        String month = f.quarter.firstMonth().toString();
        var drawn = staff(() -> draws.draw(plan.id(), month, null));
        var slots = drawn.drawOf(month).orElseThrow().slots().stream().filter(s -> s.channel() == CallChannel.PHONE)
                .toList();
        var scenario = staff(() -> scenarios.get(plan.scenarios().getFirst().scenarioId()));
        // two months ago, so that the report's month is over (and far from other tests' months)
        YearMonth period = YearMonth.now(ZONE).minusMonths(2);
        Instant calledAt = period.atDay(15).atTime(10, 0).atZone(ZONE).toInstant();
        int[] rings = {2, 5, 6};
        for (int i = 0; i < rings.length; i++) {
            record(slots.get(i), scenario, calledAt.plusSeconds(600L * i), rings[i]);
        }
        double mean = (2 + 5 + 6) / 3.0;
        double sd = Math.sqrt((Math.pow(2 - mean, 2) + Math.pow(5 - mean, 2) + Math.pow(6 - mean, 2)) / 2);
        String label = period.toString();

        var draft = staff(() -> reports.create(label));
        assertThat(draft.status()).isEqualTo(ReportStatus.DRAFT);
        assertThat(code(() -> staff(() -> reports.create(label)))).isEqualTo("REPORT_EXISTS");
        assertThat(code(() -> staff(() -> reports.create("2027-13")))).isEqualTo("REPORT_PERIOD_INVALID");
        assertThat(teamRings(draft)).singleElement().satisfies(m -> assertThat(m).isCloseTo(mean, within(1e-9)));

        String agent = slots.get(0).agentEmployeeId();
        assertThat(as(agent, () -> calls.myResults(ScrollPosition.offset(), 20), Role.AGENT).getContent())
                .as("before the report is published").isEmpty();

        var edited = staff(() -> reports.edit(draft.id(), "本月接通前响铃偏多", "高峰时段加强排班", draft.version()));
        assertThat(code(() -> staff(() -> reports.publish(draft.id(), edited.version())))).isEqualTo("GROUP_LEAD_ONLY");
        var published = lead(() -> reports.publish(draft.id(), edited.version()));
        assertThat(published.status()).isEqualTo(ReportStatus.PUBLISHED);
        assertThat(published.allowedSteps()).isEmpty();
        assertThat(published.conclusions()).isEqualTo("本月接通前响铃偏多");

        // its files through the API with a person's token: the team's figures as worked out above,
        // the Chinese title and texts, a chart per measure as images, in the embedded font
        String token = api.personToken(f.staff, Role.CALLTEST_STAFF);
        String files = "/api/calltest/reports/" + published.id();
        var sheets = ExportFiles.sheets(ExportFiles.download(api, files + "/xlsx", token));
        assertThat(sheets).containsKeys("概况", "全公司", "按班组和月份", "月度趋势", "相关性（皮尔逊）", "常见问题");
        List<String> teamRow = sheets.get("按班组和月份").stream()
                .filter(r -> r.get(1).equals(f.team.name()) && r.get(2).equals("接通前响铃次数")).findFirst()
                .orElseThrow();
        assertThat(teamRow.get(0)).isEqualTo(period.getYear() + "年" + period.getMonthValue() + "月");
        assertThat(new BigDecimal(teamRow.get(3)).intValue()).isEqualTo(3);
        assertThat(new BigDecimal(teamRow.get(4)).doubleValue()).isCloseTo(mean, within(0.005));
        assertThat(new BigDecimal(teamRow.get(5)).doubleValue()).isCloseTo(sd, within(0.005));
        assertThat(sheets.get("概况")).anySatisfy(r -> assertThat(r).containsExactly("结论", "本月接通前响铃偏多"));
        String pdfText = null;
        if (font.available()) {
            var pdf = ExportFiles.pdf(ExportFiles.download(api, files + "/pdf", token));
            assertThat(pdf.text()).contains(period.getYear() + "年" + period.getMonthValue() + "月 拨测报告",
                    "本月接通前响铃偏多", "高峰时段加强排班", "接通前响铃次数").doesNotContain("#");
            assertThat(pdf.images()).as("a chart per measure with calls").isGreaterThanOrEqualTo(4);
            assertThat(pdf.fonts()).as("embedded subsets").isNotEmpty()
                    .allSatisfy(name -> assertThat(name).contains("+"));
            assertThat(ExportFiles.pdf(ExportFiles.download(api, files + "/pdf?lang=en", token)).text())
                    .contains("Rings before pickup", period.getMonth().getDisplayName(java.time.format.TextStyle.FULL,
                            java.util.Locale.ENGLISH) + " " + period.getYear());
            pdfText = pdf.text();
        } else {
            System.out.println("No TrueType CJK font (fonts-wqy-microhei): the report's PDF is not checked");
        }
        api.http().get().uri(files + "/pdf").header("Authorization", "Bearer " + api.personToken(
                slots.get(0).agentEmployeeId(), Role.AGENT)).exchange().expectStatus().isForbidden();
        api.http().get().uri(files + "/xlsx").exchange().expectStatus().isUnauthorized();
        // the reports list pages through the API (its cursor names the report after the last one)
        var listed = api.withToken(token).document("{ callTestReports(first: 100) { edges { cursor node { id } } "
                + "pageInfo { hasNextPage } } }").execute().path("callTestReports.edges[*].node.id")
                .entityList(String.class).get();
        assertThat(listed).contains(published.id().toString());

        // a later call of the same month changes nothing in the published report, nor in its files
        record(slots.get(3), scenario, calledAt.plusSeconds(3600), 9);
        var reread = staff(() -> reports.get(draft.id()));
        assertThat(teamRings(reread)).singleElement().satisfies(m -> assertThat(m).isCloseTo(mean, within(1e-9)));
        assertThat(ExportFiles.sheets(ExportFiles.download(api, files + "/xlsx", token))).isEqualTo(sheets);
        if (pdfText != null) {
            assertThat(ExportFiles.pdf(ExportFiles.download(api, files + "/pdf", token)).text()).isEqualTo(pdfText);
        }
        assertThat(reread.figures().calls()).isEqualTo(published.figures().calls());
        assertThat(code(() -> staff(() -> reports.edit(draft.id(), "改", null, reread.version()))))
                .isEqualTo("REPORT_PUBLISHED");

        var mine = as(agent, () -> calls.myResults(ScrollPosition.offset(), 20), Role.AGENT).getContent();
        assertThat(mine).isNotEmpty().allSatisfy(r -> assertThat(r.calledAt()).isBefore(
                period.plusMonths(1).atDay(1).atStartOfDay(ZONE).toInstant()));
        assertThat(mine).anySatisfy(r -> assertThat(r.measures()).containsEntry(Measure.RINGS_BEFORE_ANSWER, 2.0));
    }

    private List<Double> teamRings(CallTestReport report) {
        return staff(() -> reports.figures(report)).byTeam().stream().filter(r -> r.groupId().equals(f.team.id().toString())
                && r.measure() == Measure.RINGS_BEFORE_ANSWER).map(MeasureRow::mean).toList();
    }

    private void record(Slot slot, Scenario scenario, Instant at, int rings) {
        Map<String, Integer> answers = CallTestFixture.fullMarks(policy);
        staff(() -> calls.record(new TestCallInput(slot.id(), new ScenarioRef(scenario.id(),
                scenario.current().revision()), at, rings, null, "告知单号", true, List.of(),
                new Communication(4, null, null, null), null, List.of(), null, null, answers), IdempotencyKey.NONE));
    }

    private <T> T staff(Supplier<T> work) {
        return as(f.staff, work, Role.CALLTEST_STAFF);
    }

    private <T> T lead(Supplier<T> work) {
        return as(f.lead, work, Role.CALLTEST_STAFF);
    }

    private static String code(Runnable call) {
        try {
            call.run();
        } catch (OmbudException e) {
            return e.code();
        }
        throw new AssertionError("no refusal");
    }

}
