package app.ombud.calltest.ui;

import static app.ombud.support.TestData.as;
import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.calltest.CallChannel;
import app.ombud.calltest.CallTestFixture;
import app.ombud.calltest.CallTestGroups;
import app.ombud.calltest.CallTestPlan;
import app.ombud.calltest.Communication;
import app.ombud.calltest.Draws;
import app.ombud.calltest.KnowledgeResult;
import app.ombud.calltest.Measure;
import app.ombud.calltest.Plans;
import app.ombud.calltest.Scenario;
import app.ombud.calltest.ScenarioRef;
import app.ombud.calltest.Scenarios;
import app.ombud.calltest.SpotCheckInput;
import app.ombud.calltest.TestCall;
import app.ombud.calltest.TestCallGroup;
import app.ombud.calltest.TestCallInput;
import app.ombud.calltest.TestCalls;
import app.ombud.calltest.WeakSpots.Streak;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.Person;
import app.ombud.improvement.ImprovementAction;
import app.ombud.improvement.ImprovementScope;
import app.ombud.improvement.ImprovementService;
import app.ombud.improvement.ImprovementSource;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.Role;
import app.ombud.policy.PolicyService;
import app.ombud.support.OmbudIntegrationTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.security.core.context.SecurityContextHolder;

/** The streaks page without a browser: an agent's run of misses, its calls linked, an action raised from it. */
@OmbudIntegrationTest
class TestCallStreaksViewTest extends SpringBrowserlessTest {

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
    ImprovementService improvements;

    @Autowired
    PolicyService policy;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anAgentsRunOfMissesIsListedWithItsCallsAndRaisesAnActionFromTheRow() {
        var f = CallTestFixture.create("SV", directory, groups, scenarios, plans);
        CallTestPlan plan = f.activePlan(1);
        Scenario scenario = as(f.staff, () -> scenarios.get(plan.scenarios().getFirst().scenarioId()),
                Role.CALLTEST_STAFF);
        String agent = f.agents.getFirst();
        int k = policy.current().content().callTestThresholds().consecutiveMissesToFlag();
        List<TestCall> made = new ArrayList<>();
        Map<String, Integer> answers = new LinkedHashMap<>();
        policy.current().content().scorecard().items().forEach(item -> answers.put(item.code(), item.scale().max()));
        for (int i = 0; i < k; i++) {
            Instant at = f.quarter.firstMonth().atDay(10 + i).atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai"))
                    .toInstant();
            var spot = as(f.staff, () -> draws.addSpotCheck(plan.id(), new SpotCheckInput(f.team.id(),
                    CallChannel.PHONE, agent, at, "连续抽查"), null), Role.CALLTEST_STAFF).spotChecks().getLast();
            Instant calledAt = Instant.now().minus(Duration.ofMinutes(30 - i));
            made.add(as(f.staff, () -> calls.record(new TestCallInput(spot.id(), new ScenarioRef(scenario.id(),
                    scenario.current().revision()), calledAt, 1, null, "坐席未能当场解决", false,
                    scenario.current().knowledgePoints().stream().map(p -> new KnowledgeResult(p.code(), true))
                            .toList(), new Communication(5, null, null, null), null, List.of(), null, null,
                    answers), IdempotencyKey.NONE), Role.CALLTEST_STAFF));
        }

        CallTestViewsTest.signIn(f.staff, Role.CALLTEST_STAFF);
        navigate(TestCallStreaksView.class);
        @SuppressWarnings("unchecked")
        Select<TestCallGroup> group = $(Select.class).id("streaks-group");
        assertThat(group.getValue()).isEqualTo(TestCallGroup.AGENT);
        @SuppressWarnings("unchecked")
        Grid<Streak> grid = $(Grid.class).id("streaks");
        List<Streak> shown = grid.getLazyDataView().getItems().toList();
        int row = shown.indexOf(shown.stream().filter(s -> s.groupId().equals(agent)).findFirst().orElseThrow());
        var cells = test(grid);
        assertThat(cells.getCellText(row, grid.getColumns().indexOf(grid.getColumnByKey("group"))))
                .isEqualTo("坐席" + agent);
        assertThat(cells.getCellText(row, grid.getColumns().indexOf(grid.getColumnByKey("measure"))))
                .isEqualTo(t("calltest.measure." + Measure.ON_SPOT_RESOLUTION));
        assertThat(cells.getCellText(row, grid.getColumns().indexOf(grid.getColumnByKey("calls"))))
                .isEqualTo(Integer.toString(k));
        var first = (Anchor) cells.getCellComponent(row, "first");
        assertThat(first.getHref()).isEqualTo("calltest/calls/" + made.getFirst().id());
        assertThat(first.getText()).startsWith(made.getFirst().number());
        var last = (Anchor) cells.getCellComponent(row, "last");
        assertThat(last.getHref()).isEqualTo("calltest/calls/" + made.getLast().id());

        // raise from the row: the agent's department preselected, the re-test on the agent's team
        var raise = (Button) cells.getCellComponent(row, "raise");
        assertThat(raise.getId()).hasValue("streak-raise-" + agent + "-ON_SPOT_RESOLUTION");
        test(raise).click();
        assertThat($(ComboBox.class).id("raise-department").getValue()).isNotNull();
        test($(TextField.class).id("raise-title")).setValue("当场解决" + f.p);
        test($(TextArea.class).id("raise-description")).setValue("坐席连续未能当场解决");
        @SuppressWarnings("unchecked")
        ComboBox<Person> owner = $(ComboBox.class).id("raise-owner");
        owner.setValue(as(f.staff, () -> directory.personByEmployeeId(f.agents.get(1)).orElseThrow(),
                Role.CALLTEST_STAFF));
        @SuppressWarnings("unchecked")
        ComboBox<Scenario> retest = $(ComboBox.class).id("raise-retest-scenario");
        retest.setValue(retest.getListDataView().getItems().filter(s -> s.id().equals(scenario.id())).findFirst()
                .orElseThrow());
        test($(Button.class).id("raise-save")).click();

        ImprovementAction raised = as(f.staff, () -> improvements.search(ImprovementScope.MINE, null,
                ScrollPosition.offset(), 200), Role.CALLTEST_STAFF).stream()
                .filter(a -> a.title().equals("当场解决" + f.p)).findFirst().orElseThrow();
        assertThat(raised.source()).isEqualTo(ImprovementSource.WEAK_SPOT);
        assertThat(raised.departmentId()).isEqualTo(f.department.id());
        assertThat(raised.retest().scenarioRef()).isEqualTo(scenario.number());
        assertThat(raised.retest().teamId()).isEqualTo(f.team.id());
    }

    @Test
    void theStatisticsPageLinksToTheStreaksForStaffOnly() {
        var f = CallTestFixture.create("SL", directory, groups, scenarios, plans);
        CallTestViewsTest.signIn(f.staff, Role.CALLTEST_STAFF);
        navigate(TestCallStatisticsView.class);
        Anchor link = $(Anchor.class).id("stats-streaks");
        assertThat(link.getHref()).isEqualTo("calltest/streaks");
        assertThat(link.isVisible()).isTrue();
        CallTestViewsTest.signIn("leader" + f.p, Role.LEADERSHIP);
        // away and back: a page is made anew for the new reader
        navigate(app.ombud.platform.ui.HomeView.class);
        navigate(TestCallStatisticsView.class);
        assertThat($(Anchor.class).withId("stats-streaks").exists()).isFalse();
    }

    private static String t(String key, Object... args) {
        return UI.getCurrent().getTranslation(key, args);
    }
}
