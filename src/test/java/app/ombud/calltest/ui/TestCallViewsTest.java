package app.ombud.calltest.ui;

import static app.ombud.support.TestData.as;
import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.calltest.CallChannel;
import app.ombud.calltest.Communication;
import app.ombud.calltest.CallTestFixture;
import app.ombud.calltest.CallTestGroups;
import app.ombud.calltest.CallTestPlan;
import app.ombud.calltest.Draws;
import app.ombud.calltest.Measure;
import app.ombud.calltest.MeasureRow;
import app.ombud.calltest.Plans;
import app.ombud.calltest.Scenario;
import app.ombud.calltest.ScenarioRef;
import app.ombud.calltest.Scenarios;
import app.ombud.calltest.Slot;
import app.ombud.calltest.SlotStatus;
import app.ombud.calltest.TestCall;
import app.ombud.calltest.TestCallFilter;
import app.ombud.calltest.TestCallInput;
import app.ombud.calltest.TestCallStatus;
import app.ombud.calltest.TestCalls;
import app.ombud.directory.Department;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.Person;
import app.ombud.improvement.ImprovementAction;
import app.ombud.improvement.ImprovementScope;
import app.ombud.improvement.ImprovementSource;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.Role;
import app.ombud.policy.PolicyService;
import app.ombud.support.RawText;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/** The test-call form, the call page and the statistics page without a browser. */
@app.ombud.support.OmbudIntegrationTest
class TestCallViewsTest extends SpringBrowserlessTest {

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
    app.ombud.improvement.ImprovementService improvements;

    @Autowired
    PolicyService policy;

    CallTestFixture f;
    CallTestPlan plan;
    Slot slot;

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @BeforeEach
    void drawnSlot() {
        f = CallTestFixture.create("TV", directory, groups, scenarios, plans);
        plan = f.activePlan(1);
        String month = f.quarter.firstMonth().toString();
        var drawn = as(f.staff, () -> draws.draw(plan.id(), month, null), Role.CALLTEST_STAFF);
        slot = drawn.drawOf(month).orElseThrow().slots().stream().filter(s -> s.channel() == CallChannel.PHONE)
                .findFirst().orElseThrow();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anExecutorFillsTheFormARefusalShowsOnItsFieldAndTheCallIsSaved() {
        CallTestViewsTest.signIn(f.staff, Role.CALLTEST_STAFF);
        navigate(TestCallFormView.class, Map.of("id", slot.id().toString()));
        // the plan's one phone scenario is chosen; its knowledge points appear
        @SuppressWarnings("unchecked")
        Select<TestCallFormView.ScenarioOption> scenario = $(Select.class).id("call-scenario");
        assertThat(scenario.getValue()).isNotNull();
        var points = scenario.getValue().revision().knowledgePoints();
        test($(RadioButtonGroup.class).id("point-" + points.get(0).code())).selectItem(t("calltest.call.right"));
        test($(RadioButtonGroup.class).id("point-" + points.get(1).code())).selectItem(t("calltest.call.wrong"));
        test($(RadioButtonGroup.class).id("call-rating")).selectItem("4");
        test($(TextArea.class).id("call-performance")).setValue("告知了单号，未说明送达时间");

        // rings not given: refused on the field, nothing saved
        test($(Button.class).id("call-save")).click();
        IntegerField rings = $(IntegerField.class).id("call-rings");
        assertThat(rings.isInvalid()).isTrue();
        assertThat(as(f.staff, () -> calls.count(new TestCallFilter(null, null, slot.agentEmployeeId(), null, null,
                null, null)), Role.CALLTEST_STAFF)).isZero();

        test(rings).setValue(3);
        test($(Button.class).id("call-save")).click();

        var saved = as(f.staff, () -> calls.search(new TestCallFilter(null, null, slot.agentEmployeeId(), null, null,
                null, null), org.springframework.data.domain.ScrollPosition.keyset(), 5), Role.CALLTEST_STAFF)
                .getContent();
        assertThat(saved).singleElement().satisfies(call -> {
            assertThat(call.ringsBeforeAnswer()).isEqualTo(3);
            assertThat(call.knowledge()).hasSize(2);
            assertThat(call.finalScore()).as("every item left at the top of its scale").isEqualByComparingTo("100");
            assertThat(call.status()).isEqualTo(TestCallStatus.RECORDED);
        });
        assertThat(as(f.staff, () -> draws.slot(slot.id()), Role.CALLTEST_STAFF).status())
                .isEqualTo(SlotStatus.DONE);

        // the call page, in Chinese without raw codes
        TestCall call = saved.getFirst();
        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        navigate(TestCallView.class, Map.of("id", call.id().toString()));
        assertThat($(com.vaadin.flow.component.html.H2.class).id("test-call-title").getText()).isEqualTo(call.number());
        // the call's own page: its spans (the header's bell and menu are the layout's)
        var page = $(TestCallView.class).single();
        String text = String.join(" ", $(com.vaadin.flow.component.html.Span.class, page).all().stream()
                .map(s -> s.getText() == null ? "" : s.getText()).toList())
                .replace(call.number(), "").replace(slot.agentEmployeeId(), "");
        assertThat(text).contains("已记录", "电话");
        assertThat(RawText.in(text)).isEmpty();
    }

    @Test
    void theStatisticsPageShowsTheTeamsMeasuresAgainstTheirThresholds() {
        CallTestViewsTest.signIn(f.staff, Role.CALLTEST_STAFF);
        navigate(TestCallFormView.class, Map.of("id", slot.id().toString()));
        test($(RadioButtonGroup.class).id("call-rating")).selectItem("2");
        test($(IntegerField.class).id("call-rings")).setValue(7);
        test($(TextArea.class).id("call-performance")).setValue("响铃过久");
        test($(Button.class).id("call-save")).click();

        navigate(TestCallStatisticsView.class);
        @SuppressWarnings("unchecked")
        Grid<MeasureRow> rows = $(Grid.class).id("stats-rows");
        var team = rows.getListDataView().getItems().filter(r -> r.groupId().equals(f.team.id().toString())).toList();
        assertThat(team).filteredOn(r -> r.measure() == Measure.RINGS_BEFORE_ANSWER).singleElement()
                .satisfies(r -> {
                    assertThat(r.mean()).isEqualTo(7.0);
                    assertThat(r.meetsThreshold()).as("7 rings, the default allows 3").isFalse();
                });
        int row = rows.getListDataView().getItems().toList().indexOf(team.stream()
                .filter(r -> r.measure() == Measure.RINGS_BEFORE_ANSWER).findFirst().orElseThrow());
        assertThat(test(rows).getCellText(row, rows.getColumns().indexOf(rows.getColumnByKey("meets"))))
                .isEqualTo(t("calltest.stats.misses"));
        assertThat(test(rows).getCellText(row, rows.getColumns().indexOf(rows.getColumnByKey("measure"))))
                .isEqualTo(t("calltest.measure.RINGS_BEFORE_ANSWER"));
    }

    @Test
    void aWeakSpotOnTheStatisticsPageAndATestCallRaiseImprovementActionsWithAReTest() {
        CallTestViewsTest.signIn(f.staff, Role.CALLTEST_STAFF);
        navigate(TestCallFormView.class, Map.of("id", slot.id().toString()));
        test($(RadioButtonGroup.class).id("call-rating")).selectItem("4");
        test($(IntegerField.class).id("call-rings")).setValue(9);
        test($(TextArea.class).id("call-performance")).setValue("响铃过久");
        test($(Button.class).id("call-save")).click();
        TestCall call = as(f.staff, () -> calls.search(new TestCallFilter(null, null, slot.agentEmployeeId(), null,
                null, null, null), org.springframework.data.domain.ScrollPosition.keyset(), 5), Role.CALLTEST_STAFF)
                .getContent().getFirst();
        Scenario scenario = as(f.staff, () -> scenarios.get(call.scenario().scenarioId()), Role.CALLTEST_STAFF);
        var agent = as(f.staff, () -> directory.personByEmployeeId(f.agents.get(1)).orElseThrow(),
                Role.CALLTEST_STAFF);

        // the team's row that misses the rings threshold has the button; the weak spot's department is preselected
        navigate(TestCallStatisticsView.class);
        String month = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString().substring(0, 7);
        @SuppressWarnings("unchecked")
        Grid<MeasureRow> rows = $(Grid.class).id("stats-rows");
        var items = rows.getListDataView().getItems().toList();
        int missed = items.indexOf(items.stream().filter(r -> r.groupId().equals(f.team.id().toString())
                && r.measure() == Measure.RINGS_BEFORE_ANSWER && r.period().equals(month)).findFirst().orElseThrow());
        var raise = (Button) test(rows).getCellComponent(missed, "raise");
        assertThat(raise.getId()).hasValue("stats-raise-" + f.team.id() + "-RINGS_BEFORE_ANSWER-" + month);
        test(raise).click();
        ComboBox<Department> department = $(ComboBox.class).id("raise-department");
        assertThat(department.getValue().id()).isEqualTo(f.department.id());
        test($(TextField.class).id("raise-title")).setValue("缩短接听响铃" + f.p);
        test($(TextArea.class).id("raise-description")).setValue("一组响铃次数超过阈值");
        ComboBox<Person> owner = $(ComboBox.class).id("raise-owner");
        owner.setValue(agent);
        ComboBox<Scenario> retest = $(ComboBox.class).id("raise-retest-scenario");
        retest.setValue(retest.getListDataView().getItems().filter(s -> s.id().equals(scenario.id())).findFirst()
                .orElseThrow());
        test($(Button.class).id("raise-save")).click();
        var fromSpot = raised("缩短接听响铃" + f.p);
        assertThat(fromSpot.source()).isEqualTo(ImprovementSource.WEAK_SPOT);
        assertThat(fromSpot.retest().scenarioRef()).isEqualTo(scenario.number());
        assertThat(fromSpot.retest().teamId()).isEqualTo(f.team.id());
        // its page names the weak spot in words: the measure and the month, no code
        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        navigate(app.ombud.improvement.ui.ImprovementView.class, Map.of("id", fromSpot.id().toString()));
        YearMonth spotMonth = YearMonth.parse(month);
        assertThat($(com.vaadin.flow.component.html.Span.class).id("improvement-source-record").getText())
                .isEqualTo(f.team.name() + " · 接通前响铃次数 · " + spotMonth.getYear() + "年" + spotMonth.getMonthValue()
                        + "月");

        // the call's page: from its finding, the re-test of its own scenario on its team
        navigate(TestCallView.class, Map.of("id", call.id().toString()));
        test($(Button.class).id("action-raise-improvement")).click();
        test($(TextField.class).id("raise-title")).setValue("接听话术" + f.p);
        test($(TextArea.class).id("raise-description")).setValue("响铃九次才接听");
        ComboBox<Person> callOwner = $(ComboBox.class).id("raise-owner");
        callOwner.setValue(agent);
        test($(Checkbox.class).id("raise-retest")).click();
        test($(Button.class).id("raise-save")).click();
        var fromCall = raised("接听话术" + f.p);
        assertThat(fromCall.source()).isEqualTo(ImprovementSource.TEST_CALL_FINDING);
        assertThat(fromCall.sourceRef().number()).isEqualTo(call.number());
        assertThat(fromCall.retest().scenarioRef()).isEqualTo(scenario.number());
    }

    @Test
    void aFigureOfTheStatisticsOpensTheCallsBehindItAndNamesItsPeriodInWords() {
        // another team's call this month (from the set-up's plan), and this test's team: two calls this month,
        // one the month before
        var g = CallTestFixture.create("TD", directory, groups, scenarios, plans);
        var other = g.activePlan(3);
        String planMonth = g.quarter.firstMonth().toString();
        var phone = as(g.staff, () -> draws.draw(other.id(), planMonth, null), Role.CALLTEST_STAFF).drawOf(planMonth)
                .orElseThrow().slots().stream().filter(s -> s.channel() == CallChannel.PHONE).toList();
        Instant now = Instant.now().minus(Duration.ofMinutes(10));
        YearMonth month = YearMonth.from(now.atZone(ZONE));
        Instant before = month.minusMonths(1).atDay(15).atTime(10, 0).atZone(ZONE).toInstant();
        record(f.staff, slot, as(f.staff, () -> scenarios.get(plan.scenarios().getFirst().scenarioId()),
                Role.CALLTEST_STAFF), now);
        Map<Slot, Instant> arranged = new LinkedHashMap<>();
        arranged.put(phone.get(0), now);
        arranged.put(phone.get(1), now.minus(Duration.ofMinutes(5)));
        arranged.put(phone.get(2), before);
        var scenario = as(g.staff, () -> scenarios.get(other.scenarios().getFirst().scenarioId()),
                Role.CALLTEST_STAFF);
        arranged.forEach((s, at) -> record(g.staff, s, scenario, at));
        long inMonth = arranged.values().stream().filter(at -> YearMonth.from(at.atZone(ZONE)).equals(month)).count();

        CallTestViewsTest.signIn(g.staff, Role.CALLTEST_STAFF);
        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        navigate(TestCallStatisticsView.class);
        @SuppressWarnings("unchecked")
        Grid<MeasureRow> rows = $(Grid.class).id("stats-rows");
        var items = rows.getListDataView().getItems().toList();
        var teamRow = items.stream().filter(r -> r.groupId().equals(g.team.id().toString())
                && r.measure() == Measure.SCORECARD && r.period().equals(month.toString())).findFirst().orElseThrow();
        assertThat(teamRow.n()).isEqualTo(inMonth).isEqualTo(2);
        // the period in words, not its code
        String period = test(rows).getCellText(items.indexOf(teamRow), rows.getColumns().indexOf(
                rows.getColumnByKey("period")));
        assertThat(period).isEqualTo(month.getYear() + "年" + month.getMonthValue() + "月");
        assertThat(RawText.in(period)).isEmpty();

        // the row opens the team's recorded calls of that month
        test(rows).clickRow(items.indexOf(teamRow));
        var list = $(TestCallsView.class).single();
        var listed = list.grid.getLazyDataView().getItems().toList();
        assertThat(listed).hasSize((int) teamRow.n()).allSatisfy(c -> {
            assertThat(c.teamId()).isEqualTo(g.team.id());
            assertThat(YearMonth.from(c.calledAt().atZone(ZONE))).isEqualTo(month);
        });
        String narrowed = $(com.vaadin.flow.component.html.Span.class).id("calls-narrowed").getText();
        assertThat(narrowed).contains(g.team.name(), month.atDay(1).toString(), "至", "班组");
        // the team's name is data (its random part may read as a word)
        assertThat(RawText.in(narrowed.replace(g.team.name(), ""))).isEmpty();
        assertThat(list.status.getValue()).isEqualTo(TestCallStatus.RECORDED);

        // clearing it lists every call again
        test($(Button.class).id("calls-narrowed-clear")).click();
        var cleared = $(TestCallsView.class).single();
        assertThat(cleared.narrowed.isVisible()).isFalse();
        assertThat(cleared.filter().teamId()).isNull();
        assertThat(cleared.filter().from()).isNull();
        assertThat(cleared.status.getValue()).isNull();

        // by agent: a bar of the chart opens that agent's calls of the month; a period it does not draw, nothing
        navigate(TestCallStatisticsView.class);
        var stats = $(TestCallStatisticsView.class).single();
        stats.groupBy.setValue(app.ombud.calltest.TestCallGroup.AGENT);
        test($(Button.class).id("stats-show")).click();
        String agent = phone.get(0).agentEmployeeId();
        long agentInMonth = arranged.entrySet().stream().filter(e -> e.getKey().agentEmployeeId().equals(agent)
                && YearMonth.from(e.getValue().atZone(ZONE)).equals(month)).count();
        @SuppressWarnings("unchecked")
        Grid<MeasureRow> byAgent = $(Grid.class).id("stats-rows");
        var agentRow = byAgent.getListDataView().getItems().filter(r -> r.groupId().equals(agent)
                && r.measure() == Measure.SCORECARD && r.period().equals(month.toString())).findFirst().orElseThrow();
        assertThat(agentRow.n()).isEqualTo(agentInMonth);
        stats.chart.drill("1999-01", agent);
        assertThat($(TestCallStatisticsView.class).exists()).as("no such bar: the page stays").isTrue();
        stats.measure.setValue(Measure.SCORECARD);
        stats.chart.drill(month.toString(), agent);
        var agentCalls = $(TestCallsView.class).single().grid.getLazyDataView().getItems().toList();
        assertThat(agentCalls).hasSize((int) agentInMonth).allSatisfy(c -> assertThat(c.agentEmployeeId())
                .isEqualTo(agent));
    }

    private void record(String staff, Slot on, Scenario scenario, Instant at) {
        Map<String, Integer> answers = CallTestFixture.fullMarks(policy);
        as(staff, () -> calls.record(new TestCallInput(on.id(), new ScenarioRef(scenario.id(),
                scenario.current().revision()), at, 2, null, "告知单号", true, List.of(),
                new Communication(4, null, null, null), null, List.of(), null, null, answers), IdempotencyKey.NONE),
                Role.CALLTEST_STAFF);
    }

    private ImprovementAction raised(String title) {
        return as(f.staff, () -> improvements.search(ImprovementScope.MINE, null,
                org.springframework.data.domain.ScrollPosition.offset(), 200), Role.CALLTEST_STAFF).stream()
                .filter(a -> a.title().equals(title)).findFirst().orElseThrow();
    }

    private String t(String key, Object... args) {
        return com.vaadin.flow.component.UI.getCurrent().getTranslation(key, args);
    }
}
