package app.ombud.calltest.ui;

import static app.ombud.support.TestData.as;
import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.calltest.CallChannel;
import app.ombud.calltest.CallTestFixture;
import app.ombud.calltest.CallTestReport;
import app.ombud.calltest.CallTestGroups;
import app.ombud.calltest.CallTestReports;
import app.ombud.calltest.Plans;
import app.ombud.calltest.ReportStatus;
import app.ombud.calltest.Communication;
import app.ombud.calltest.Draws;
import app.ombud.calltest.ScenarioRef;
import app.ombud.calltest.Scenarios;
import app.ombud.calltest.SpotCheckInput;
import app.ombud.calltest.TestCallInput;
import app.ombud.calltest.TestCalls;
import app.ombud.directory.DirectoryService;
import app.ombud.improvement.TrainingNeed;
import app.ombud.improvement.TrainingNeeds;
import app.ombud.improvement.ui.TrainingNeedsView;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.Role;
import app.ombud.policy.PolicyService;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.RouterLink;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The report page without a browser: the staff write the conclusions, only the lead publishes, then
 * it is frozen and lists the training needs derived from the period, which the staff derive again;
 * the training needs page shows a done one's effect.
 */
@app.ombud.support.OmbudIntegrationTest
class ReportViewsTest extends SpringBrowserlessTest {

    @Autowired
    DirectoryService directory;

    @Autowired
    CallTestGroups groups;

    @Autowired
    Scenarios scenarios;

    @Autowired
    Plans plans;

    @Autowired
    CallTestReports reports;

    @Autowired
    app.ombud.platform.export.ExportFont font;

    @Autowired
    Draws draws;

    @Autowired
    TestCalls calls;

    @Autowired
    TrainingNeeds needs;

    @Autowired
    PolicyService policy;

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theStaffWriteConclusionsAndTheLeadPublishes() {
        var f = CallTestFixture.create("RV", directory, groups, scenarios, plans);
        // a month long past, with no calls: the recent months and quarters are other tests' periods
        String period = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(40).toString();
        var draft = as(f.staff, () -> reports.create(period), Role.CALLTEST_STAFF);

        CallTestViewsTest.signIn(f.staff, Role.CALLTEST_STAFF);
        // in Chinese the period is named in words, on the list and the report's page
        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        YearMonth month = YearMonth.parse(period);
        String words = month.getYear() + "年" + month.getMonthValue() + "月";
        navigate(ReportsView.class);
        @SuppressWarnings("unchecked")
        Grid<CallTestReport> list = $(Grid.class).id("reports");
        int row = list.getLazyDataView().getItems().map(CallTestReport::id).toList().indexOf(draft.id());
        assertThat(test(list).getCellText(row, test(list).getColumnPosition("period"))).isEqualTo(words);
        navigate(ReportView.class, Map.of("id", draft.id().toString()));
        assertThat($(H2.class).id("report-title").getText()).isEqualTo(words + " 拨测报告");
        assertThat($(Button.class).withId("action-publish").exists()).as("only the lead publishes").isFalse();
        test($(Button.class).id("action-edit")).click();
        test($(TextArea.class).id("report-conclusions")).setValue("整体达标，二班响铃偏多");
        test($(Button.class).id("report-save")).click();
        assertThat(as(f.staff, () -> reports.get(draft.id()), Role.CALLTEST_STAFF).conclusions())
                .isEqualTo("整体达标，二班响铃偏多");

        CallTestViewsTest.signIn(f.lead, Role.CALLTEST_STAFF);
        navigate(ReportView.class, Map.of("id", draft.id().toString()));
        test($(Button.class).id("action-publish")).click();
        var published = as(f.lead, () -> reports.get(draft.id()), Role.CALLTEST_STAFF);
        assertThat(published.status()).isEqualTo(ReportStatus.PUBLISHED);
        assertThat($(Button.class).withId("action-edit").exists()).isFalse();
        assertThat($(Paragraph.class).id("report-summary").getText()).isNotBlank();
        var pdf = $(com.vaadin.flow.component.html.Anchor.class).id("report-download-pdf");
        var excel = $(com.vaadin.flow.component.html.Anchor.class).id("report-download-excel");
        assertThat(pdf.isEnabled()).as("PDFs only with the font").isEqualTo(font.available());
        assertThat(pdf.getHref()).isNotBlank();
        assertThat(excel.getHref()).isNotBlank();
        assertThat($(com.vaadin.flow.component.grid.Grid.class).withId("report-trends").exists()).isTrue();
        assertThat($(com.vaadin.flow.component.grid.Grid.class).withId("report-correlations").exists()).isTrue();
        assertThat($(com.vaadin.flow.component.html.Div.class).withId("report-chart").exists()).isTrue();
        assertThat($(Paragraph.class).withId("report-training-none").exists()).as("no calls, no needs").isTrue();
    }

    @Test
    void aPublishedReportShowsItsTrainingNeedsAndTheDoneOnesTheirEffect() {
        var f = CallTestFixture.create("RN", directory, groups, scenarios, plans);
        var plan = f.activePlan(1);
        as(f.staff, () -> draws.draw(plan.id(), f.quarter.firstMonth().toString(), null), Role.CALLTEST_STAFF);
        var scenario = as(f.staff, () -> scenarios.get(plan.scenarios().getFirst().scenarioId()),
                Role.CALLTEST_STAFF);
        String agent = f.agents.getFirst();
        Map<String, Integer> answers = CallTestFixture.fullMarks(policy);
        // three months ago (other tests report on the later months; the quarters would cover
        // theirs): nine rings, more than the threshold allows, on its last evening — and nine again
        // today, after the training
        LocalDate today = LocalDate.now(ZONE);
        YearMonth month = YearMonth.from(today).minusMonths(3);
        for (Instant at : List.of(month.atEndOfMonth().atTime(23, 0).atZone(ZONE).toInstant(),
                Instant.now().minusSeconds(300))) {
            var withSpot = as(f.staff, () -> draws.addSpotCheck(plan.id(), new SpotCheckInput(f.team.id(),
                    CallChannel.PHONE, agent, f.quarter.firstMonth().atDay(10).atTime(9, 0).atZone(ZONE)
                    .toInstant(), null), null), Role.CALLTEST_STAFF);
            as(f.staff, () -> calls.record(new TestCallInput(withSpot.spotChecks().getLast().id(), new ScenarioRef(
                    scenario.id(), scenario.current().revision()), at, 9, null, "告知单号", true, List.of(),
                    new Communication(4, null, null, null), null, List.of(), null, null, answers),
                    IdempotencyKey.NONE), Role.CALLTEST_STAFF);
        }
        String period = month.toString();
        var draft = as(f.staff, () -> reports.create(period), Role.CALLTEST_STAFF);
        as(f.lead, () -> reports.publish(draft.id(), draft.version()), Role.CALLTEST_STAFF);

        CallTestViewsTest.signIn(f.staff, Role.CALLTEST_STAFF);
        navigate(ReportView.class, Map.of("id", draft.id().toString()));
        Grid<TrainingNeed> grid = $(Grid.class).id("report-training-needs");
        List<TrainingNeed> shown = grid.getListDataView().getItems().toList();
        TrainingNeed rings = shown.stream().filter(n -> n.employeeIds().contains(agent)).findFirst().orElseThrow();
        int row = shown.indexOf(rings);
        assertThat(test(grid).getCellText(row, test(grid).getColumnPosition("topic"))).contains("接通前响铃次数")
                .contains(month.getYear() + "年" + month.getMonthValue() + "月");
        assertThat($(RouterLink.class).id("report-training-open").getHref()).isEqualTo("training-needs");
        test($(Button.class).id("report-derive-training")).click();
        Grid<TrainingNeed> again = $(Grid.class).id("report-training-needs");
        assertThat(again.getListDataView().getItems().map(TrainingNeed::id)).containsExactlyInAnyOrderElementsOf(
                shown.stream().map(TrainingNeed::id).toList());

        // done yesterday: nine rings before, the same call since (nothing better yet)
        as(f.staff, () -> needs.markDone(rings.id(), today.minusDays(1), rings.version()), Role.CALLTEST_STAFF);
        navigate(TrainingNeedsView.class);
        Grid<TrainingNeed> list = $(Grid.class).id("training-needs");
        List<TrainingNeed> listed = list.getLazyDataView().getItems().toList();
        int at = listed.stream().map(TrainingNeed::id).toList().indexOf(rings.id());
        assertThat(at).isNotNegative();
        assertThat(test(list).getCellText(at, test(list).getColumnPosition("effectSeen")))
                .contains("9.0").contains(today.minusDays(1).toString());
    }

    @Test
    void aReportIsDraftedForARecentMonthOrQuarterPickedByName() {
        assertThat(ReportsView.periods(java.time.LocalDate.of(2026, 12, 2))).containsExactly("2026-12", "2026-11",
                "2026-10", "2026-09", "2026-08", "2026-07", "2026-06", "2026-05", "2026-04", "2026-03", "2026-02",
                "2026-01", "2025-12", "2026-Q4", "2026-Q3", "2026-Q2", "2026-Q1", "2025-Q4");
        assertThat(ReportsView.periods(java.time.LocalDate.of(2027, 1, 31))).startsWith("2027-01", "2026-12")
                .endsWith("2027-Q1", "2026-Q4", "2026-Q3", "2026-Q2", "2026-Q1");
        CallTestViewsTest.signIn("admin", Role.ADMIN);
        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        navigate(ReportsView.class);
        test($(Button.class).id("report-new")).click();
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.select.Select<String> period = $(com.vaadin.flow.component.select.Select.class)
                .id("report-period");
        var last = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1);
        assertThat(period.getValue()).isEqualTo(last.toString());
        assertThat(period.getItemLabelGenerator().apply(period.getValue()))
                .isEqualTo(last.getYear() + "年" + last.getMonthValue() + "月");
    }
}
