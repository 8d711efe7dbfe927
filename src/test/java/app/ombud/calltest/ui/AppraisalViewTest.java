package app.ombud.calltest.ui;

import static app.ombud.support.TestData.as;
import static app.ombud.support.TestData.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.calltest.CallChannel;
import app.ombud.calltest.CallTestFixture;
import app.ombud.calltest.CallTestGroups;
import app.ombud.calltest.CallTestPlan;
import app.ombud.calltest.Communication;
import app.ombud.calltest.Draws;
import app.ombud.calltest.Measure;
import app.ombud.calltest.MeasureSummary;
import app.ombud.calltest.MyTestCallResult;
import app.ombud.calltest.Plans;
import app.ombud.calltest.Quarter;
import app.ombud.calltest.Scenario;
import app.ombud.calltest.ScenarioRef;
import app.ombud.calltest.Scenarios;
import app.ombud.calltest.SpotCheckInput;
import app.ombud.calltest.TestCall;
import app.ombud.calltest.TestCallInput;
import app.ombud.calltest.TestCalls;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.PersonInput;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.Role;
import app.ombud.policy.PolicyService;
import app.ombud.support.OmbudIntegrationTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouterLink;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The appraisal pages without a browser: the staff see a person's unpublished quarter (the
 * measure row worked out here), a team lead and the agent themself (from a link on their results)
 * are told it is not published yet. Periods as in {@code AppraisalsTest}, whose published month
 * long past the page does not offer; the published path is tested on the service and the API.
 */
@OmbudIntegrationTest
class AppraisalViewTest extends SpringBrowserlessTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

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
    PolicyService policy;

    CallTestFixture f;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theStaffAndATeamLeadReadAnAppraisalAndTheAgentTheirOwn() {
        f = CallTestFixture.create("AV", directory, groups, scenarios, plans);
        var plan = f.activePlan(1);
        as(f.staff, () -> draws.draw(plan.id(), f.quarter.firstMonth().toString(), null), Role.CALLTEST_STAFF);
        Scenario scenario = as(f.staff, () -> scenarios.get(plan.scenarios().getFirst().scenarioId()),
                Role.CALLTEST_STAFF);
        String a1 = f.agents.get(0);
        String teamLead = f.p + "T1";
        asAdmin(() -> directory.createPerson(new PersonInput(teamLead, "组长" + f.p, f.department.id(), f.team.id(),
                Set.of(Role.TEAM_LEAD), true, null, null)));
        Quarter previous = Quarter.of(LocalDate.now(ZONE).withDayOfMonth(1).minusMonths(3));
        Instant at = previous.lastDay().atTime(23, 0).atZone(ZONE).toInstant();
        record(plan, scenario, a1, at, 1, 0);
        record(plan, scenario, a1, at.plusSeconds(60), 2, 1);

        CallTestViewsTest.signIn(f.staff, Role.CALLTEST_STAFF);
        navigate(AppraisalView.class);
        test($(TextField.class).id("appraisal-employee")).setValue(a1);
        Select<String> period = $(Select.class).id("appraisal-period");
        assertThat(period.getListDataView().getItems()).contains(previous.toString(),
                YearMonth.now(ZONE).minusMonths(12).toString());
        assertThat(period.getItemLabelGenerator().apply(previous.toString())).isEqualTo(
                "Q" + previous.number() + " " + previous.year());
        period.setValue(previous.toString());
        test($(Button.class).id("appraisal-show")).click();
        Grid<MeasureSummary> measures = $(Grid.class).id("appraisal-measures");
        List<MeasureSummary> rows = measures.getListDataView().getItems().toList();
        int ringsRow = rows.indexOf(rows.stream().filter(r -> r.measure() == Measure.RINGS_BEFORE_ANSWER)
                .findFirst().orElseThrow());
        assertThat(test(measures).getCellText(ringsRow, measures.getColumns().indexOf(measures.getColumnByKey("n"))))
                .isEqualTo("2");
        assertThat(test(measures).getCellText(ringsRow, measures.getColumns().indexOf(measures
                .getColumnByKey("mean")))).isEqualTo("1.5");
        Grid<MyTestCallResult> results = $(Grid.class).id("appraisal-results");
        assertThat(results.getListDataView().getItems()).hasSize(2);
        assertThat($(Paragraph.class).id("appraisal-heading").getText()).contains("坐席" + a1);

        CallTestViewsTest.signIn(teamLead, Role.TEAM_LEAD);
        navigate(app.ombud.platform.ui.HomeView.class);
        assertThat(menuPaths()).contains("test-call-appraisal");
        navigate(AppraisalView.class);
        test($(TextField.class).id("appraisal-employee")).setValue(a1);
        $(Select.class).id("appraisal-period").setValue(previous.toString());
        test($(Button.class).id("appraisal-show")).click();
        assertThat(test($(Notification.class).last()).getText())
                .isEqualTo(getTranslation("error.RESULTS_NOT_PUBLISHED", previous.toString()));
        assertThat($(Grid.class).id("appraisal-results").getListDataView().getItems()).isEmpty();

        // the agent: no menu entry, a link from their results to their own appraisal of a published month
        CallTestViewsTest.signIn(a1, Role.AGENT);
        navigate(app.ombud.platform.ui.HomeView.class);
        assertThat(menuPaths()).doesNotContain("test-call-appraisal", "my-test-call-appraisal");
        navigate(MyResultsView.class);
        assertThat($(RouterLink.class).id("my-results-appraisal").getHref()).isEqualTo("my-test-call-appraisal");
        navigate(MyAppraisalView.class);
        TextField employee = $(TextField.class).id("appraisal-employee");
        assertThat(employee.getValue()).isEqualTo(a1);
        assertThat(employee.isReadOnly()).isTrue();
        $(Select.class).id("appraisal-period").setValue(previous.toString());
        test($(Button.class).id("appraisal-show")).click();
        assertThat(test($(Notification.class).last()).getText())
                .isEqualTo(getTranslation("error.RESULTS_NOT_PUBLISHED", previous.toString()));
        assertThat($(Grid.class).id("appraisal-measures").getListDataView().getItems()).isEmpty();
    }

    private TestCall record(CallTestPlan plan, Scenario scenario, String agent, Instant at, int rings, int n) {
        Instant slotAt = f.quarter.firstMonth().atDay(10).atTime(9, 0).atZone(ZONE).toInstant().plusSeconds(60L * n);
        var withSpot = as(f.staff, () -> draws.addSpotCheck(plan.id(), new SpotCheckInput(f.team.id(),
                CallChannel.PHONE, agent, slotAt, null), null), Role.CALLTEST_STAFF);
        var slot = withSpot.spotChecks().getLast();
        Map<String, Integer> answers = new LinkedHashMap<>();
        policy.current().content().scorecard().items().forEach(i -> answers.put(i.code(), i.scale().max()));
        return as(f.staff, () -> calls.record(new TestCallInput(slot.id(), new ScenarioRef(scenario.id(),
                scenario.current().revision()), at, rings, null, "告知单号", true, List.of(),
                new Communication(4, null, null, null), null, List.of(), null, null, answers), IdempotencyKey.NONE),
                Role.CALLTEST_STAFF);
    }

    private String getTranslation(String key, Object... args) {
        return com.vaadin.flow.component.UI.getCurrent().getTranslation(key, args);
    }

    private static List<String> menuPaths() {
        return com.vaadin.flow.server.menu.MenuConfiguration.getMenuEntries().stream()
                .map(e -> e.path().replaceFirst("^/", "")).toList();
    }
}
