package app.ombud;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.calltest.CallChannel;
import app.ombud.calltest.CallTestFixture;
import app.ombud.calltest.CallTestGroups;
import app.ombud.calltest.CallTestPlan;
import app.ombud.calltest.Draws;
import app.ombud.calltest.KnowledgePoint;
import app.ombud.calltest.Plans;
import app.ombud.calltest.Scenarios;
import app.ombud.calltest.Slot;
import app.ombud.directory.AccountService;
import app.ombud.directory.DirectoryService;
import app.ombud.platform.Role;
import app.ombud.support.BrowserTest;
import app.ombud.support.OmbudIntegrationTest;
import app.ombud.support.TestData;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 11, Done-when 3, end to end in Debian's Chromium, in Chinese: an executor follows a drawn
 * slot of the plan to the test-call form and records the call; the group lead opens the
 * statistics, chooses the measure and sees the call's team with the recorded value in the month's
 * chart (read back from ECharts itself) and in the grid. Skips where no Chromium is installed.
 */
@OmbudIntegrationTest
class CallTestBrowserTest extends BrowserTest {

    private static final String PASSWORD = "Calltest-pass-2026";

    @Autowired
    DirectoryService directory;

    @Autowired
    AccountService accounts;

    @Autowired
    CallTestGroups groups;

    @Autowired
    Scenarios scenarios;

    @Autowired
    Plans plans;

    @Autowired
    Draws draws;

    @Test
    @SuppressWarnings("unchecked")
    void anExecutorRecordsATestCallAndTheGroupLeadSeesItInTheMonthsChart() {
        var f = CallTestFixture.create("CB", directory, groups, scenarios, plans);
        TestData.asAdmin(() -> List.of(f.staff, f.lead).forEach(login -> accounts.setPasswordForDemo(
                directory.personByEmployeeId(login).orElseThrow().id(), PASSWORD)));
        CallTestPlan plan = f.activePlan(1);
        String month = f.quarter.firstMonth().toString();
        var drawn = TestData.as(f.staff, () -> draws.draw(plan.id(), month, null), Role.CALLTEST_STAFF);
        Slot slot = drawn.drawOf(month).orElseThrow().slots().stream()
                .filter(s -> s.channel() == CallChannel.PHONE).findFirst().orElseThrow();
        var ref = plan.scenarios().getFirst();
        List<KnowledgePoint> points = TestData.as(f.staff, () -> scenarios.revision(ref.scenarioId(),
                ref.revision()), Role.CALLTEST_STAFF).knowledgePoints();

        // the executor: the plan, the slot's link, the form
        signIn(f.staff, PASSWORD);
        page.waitForURL(url -> !url.contains("/login"));
        page.navigate(api.baseUrl() + "/calltest/plans/" + plan.id());
        page.locator("#slot-record-" + slot.id()).click();
        page.waitForURL(Pattern.compile(".*/calltest/slots/" + slot.id() + "/call$"));
        page.locator("#call-rings input").fill("7");
        option("#point-" + points.get(0).code(), "正确").click();
        option("#point-" + points.get(1).code(), "错误").click();
        option("#call-rating", "2").click();
        page.locator("#call-performance textarea").fill("响铃七次才接听，告知了单号");
        screenshot("calltest-form-zh-CN.png");
        page.locator("#call-save").click();
        page.waitForURL(Pattern.compile(".*/calltest/calls/[0-9a-f-]+$"));
        context.clearCookies();

        // the group lead: the statistics, rings before answer
        signIn(f.lead, PASSWORD);
        page.waitForURL(url -> !url.contains("/login"));
        page.navigate(api.baseUrl() + "/calltest/statistics");
        page.locator("#stats-measure").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("接通前响铃次数")).click();
        page.waitForFunction("() => { const c = window.echarts && echarts.getInstanceByDom("
                + "document.getElementById('stats-chart')); return c && c.getOption().title[0].text === '接通前响铃次数'; }");

        var chart = (Map<String, Object>) page.evaluate("""
                () => {
                  const option = echarts.getInstanceByDom(document.getElementById('stats-chart')).getOption();
                  return {
                    rows: option.dataset[0].source,
                    series: option.series.map(s => s.name),
                    threshold: option.series[0].markLine.data[0].yAxis,
                    toolbox: Object.keys(option.toolbox[0].feature)
                  };
                }""");
        String team = f.team.name();
        var rows = (List<Map<String, Object>>) chart.get("rows");
        assertThat(rows).filteredOn(r -> team.equals(r.get("group"))).singleElement().satisfies(r -> {
            assertThat(((Number) r.get("mean")).doubleValue()).isEqualTo(7.0);
            assertThat(((Number) r.get("n")).intValue()).isEqualTo(1);
            assertThat(r.get("meets")).as("7 rings, the default allows 3").isEqualTo(false);
        });
        assertThat((List<Object>) chart.get("series")).contains(team);
        assertThat(((Number) chart.get("threshold")).doubleValue()).isEqualTo(3.0);
        assertThat((List<Object>) chart.get("toolbox")).contains("saveAsImage", "dataView", "magicType");
        // ECharts' own texts in Chinese: the toolbox's titles
        assertThat(page.evaluate("() => echarts.getInstanceByDom(document.getElementById('stats-chart'))"
                + ".getOption().toolbox[0].feature.saveAsImage.title")).isEqualTo("保存为图片");

        // the accessible table shows the same row
        Locator grid = page.locator("#stats-rows");
        assertThat(grid.getByText(team).first()).isVisible();
        assertThat(grid.getByText("接通前响铃次数").first()).isVisible();
        assertThat(grid.getByText("7.0").first()).isVisible();
        screenshot("calltest-statistics-chart-zh-CN.png");
    }

    /** The choice labelled {@code label} of the radio group {@code group}. */
    private Locator option(String group, String label) {
        return page.locator(group).getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName(label)
                .setExact(true));
    }
}
