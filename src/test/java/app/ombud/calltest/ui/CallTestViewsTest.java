package app.ombud.calltest.ui;

import static app.ombud.support.TestData.as;
import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.calltest.CallTestFixture;
import app.ombud.calltest.CallTestGroups;
import app.ombud.calltest.CallTestPlan;
import app.ombud.calltest.Draws;
import app.ombud.calltest.PlanStatus;
import app.ombud.calltest.Plans;
import app.ombud.calltest.QuotaProgress;
import app.ombud.calltest.Scenario;
import app.ombud.calltest.Scenarios;
import app.ombud.calltest.SlotStatus;
import app.ombud.directory.DirectoryService;
import app.ombud.platform.PortalUser;
import app.ombud.platform.Role;
import app.ombud.support.OmbudIntegrationTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The programme's pages without a browser: the library, the plan page with its step bar, quota table and draw. */
@OmbudIntegrationTest
class CallTestViewsTest extends SpringBrowserlessTest {

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

    CallTestFixture f;

    @BeforeEach
    void setUp() {
        f = CallTestFixture.create("CV", directory, groups, scenarios, plans);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    static void signIn(String employeeId, Role... roles) {
        var authorities = Arrays.stream(roles).map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        var user = new PortalUser(employeeId, "", true, true, authorities, employeeId, employeeId, false);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
    }

    @Test
    void staffAddAScenarioAndEditingItMakesANewRevision() {
        signIn(f.staff, Role.CALLTEST_STAFF);
        navigate(ScenariosView.class);
        test($(Button.class).id("scenario-new")).click();
        test($(TextField.class).id("scenario-title")).setValue("账单查询" + f.p);
        test($(TextArea.class).id("scenario-script")).setValue("客户询问本月账单为何偏高");
        test($(TextArea.class).id("scenario-answer")).setValue("逐项解释账单");
        // without knowledge points the service refuses, on the field
        test($(Button.class).id("scenario-save")).click();
        TextArea points = $(TextArea.class).id("scenario-points");
        assertThat(points.isInvalid()).isTrue();
        test(points).setValue("核实身份\nBILL-ITEMS: 说明各收费项目");
        test($(Button.class).id("scenario-save")).click();

        test($(TextField.class).id("filter-text")).setValue("账单查询" + f.p);
        @SuppressWarnings("unchecked")
        Grid<Scenario> grid = $(Grid.class).id("scenarios");
        var shown = grid.getLazyDataView().getItems().toList();
        assertThat(shown).singleElement().satisfies(s -> assertThat(s.current().knowledgePoints())
                .extracting(p -> p.code()).containsExactly("K1", "BILL-ITEMS"));

        navigate(ScenarioView.class, Map.of("id", shown.getFirst().id().toString()));
        test($(Button.class).id("action-revise")).click();
        test($(TextField.class).id("scenario-title")).setValue("账单偏高查询" + f.p);
        test($(Button.class).id("scenario-save")).click();
        var stored = as(f.staff, () -> scenarios.get(shown.getFirst().id()), Role.CALLTEST_STAFF);
        assertThat(stored.revisions()).hasSize(2);
        assertThat(stored.current().knowledgePoints()).extracting(p -> p.code()).containsExactly("K1", "BILL-ITEMS");
        assertThat($(Span.class).id("scenario-revision").getText()).contains("2");
    }

    @Test
    void theLeadApprovesAndStaffDrawOnThePlanPage() {
        var scenario = f.scenario("物流" + f.p);
        var draft = as(f.staff, () -> plans.create(f.planInput(scenario, 2), app.ombud.platform.IdempotencyKey.NONE),
                Role.CALLTEST_STAFF);
        as(f.staff, () -> plans.submit(draft.id(), null), Role.CALLTEST_STAFF);

        signIn(f.staff, Role.CALLTEST_STAFF);
        navigate(PlanView.class, Map.of("id", draft.id().toString()));
        assertThat($(Button.class).withId("action-approve").exists()).isFalse();

        signIn(f.lead, Role.CALLTEST_STAFF);
        navigate(PlanView.class, Map.of("id", draft.id().toString()));
        test($(Button.class).id("action-approve")).click();
        assertThat($(Span.class).id("plan-status").getText())
                .isEqualTo(UI.getCurrent().getTranslation("calltest.plan.status.ACTIVE"));

        // in Chinese the quarter and its months are named in words, not by code
        UI.getCurrent().setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        signIn(f.staff, Role.CALLTEST_STAFF);
        navigate(PlanView.class, Map.of("id", draft.id().toString()));
        String quarter = f.quarter.year() + "年第" + List.of("一", "二", "三", "四").get(f.quarter.number() - 1) + "季度";
        assertThat($(com.vaadin.flow.component.html.H2.class).id("plan-title").getText())
                .isEqualTo(draft.number() + " · " + quarter);
        List<String> months = f.quarter.months().stream().map(m -> m.getYear() + "年" + m.getMonthValue() + "月")
                .toList();
        test($(Button.class).id("action-draw")).click();
        @SuppressWarnings("unchecked")
        Select<String> month = $(Select.class).id("draw-month");
        assertThat(month.getValue()).isEqualTo(f.quarter.firstMonth().toString());
        assertThat(month.getItemLabelGenerator().apply(month.getValue())).isEqualTo(months.getFirst());
        test($(Button.class).id("draw-save")).click();

        CallTestPlan stored = as(f.staff, () -> plans.get(draft.id()), Role.CALLTEST_STAFF);
        var draw = stored.drawOf(f.quarter.firstMonth().toString()).orElseThrow();
        assertThat(draw.slots()).hasSize(3);
        assertThat($(Span.class).id("draw-seed-" + draw.month()).getText()).contains(Long.toString(draw.seed()));
        @SuppressWarnings("unchecked")
        Grid<QuotaProgress> table = $(Grid.class).id("plan-quota-table");
        var rows = test(table);
        // 3 months × 2 teams × 2 channels
        assertThat(rows.size()).isEqualTo(12);
        assertThat(rows.getCellText(0, rows.getColumnPosition("progress"))).isIn("0 / 2 / 2", "0 / 1 / 1");
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.getCellText(i, rows.getColumnPosition("month"))).isIn(months);
        }
        assertThat($(Button.class).withId("action-draw").exists()).isTrue();

        // cancel one slot from its row
        var slot = draw.slots().getFirst();
        @SuppressWarnings("unchecked")
        Grid<app.ombud.calltest.Slot> slots = $(Grid.class).id("draw-slots-" + draw.month());
        test((Button) test(slots).getCellComponent(0, "cancel")).click();
        test($(TextArea.class).id("slot-cancel-reason")).setValue("坐席休假");
        test($(Button.class).id("slot-cancel-save")).click();
        assertThat(as(f.staff, () -> draws.slot(slot.id()), Role.CALLTEST_STAFF).status())
                .isEqualTo(SlotStatus.CANCELLED);
        assertThat(as(f.staff, () -> plans.get(draft.id()), Role.CALLTEST_STAFF).status())
                .isEqualTo(PlanStatus.ACTIVE);
    }

    @Test
    void theMenuGroupAndThePagesAreForTestCallStaffOnly() {
        var plan = f.activePlan(1);
        signIn(f.agents.getFirst(), Role.AGENT);
        navigate(app.ombud.platform.ui.HomeView.class);
        assertThat(menuPaths()).noneMatch(path -> path.startsWith("calltest"));
        try {
            navigate(PlanView.class, Map.of("id", plan.id().toString()));
        } catch (RuntimeException refused) {
            // the router refuses the view outright
        }
        assertThat($(PlanView.class).exists()).isFalse();
        try {
            navigate(TestCallStreaksView.class);
        } catch (RuntimeException refused) {
            // the router refuses the view outright
        }
        assertThat($(TestCallStreaksView.class).exists()).isFalse();

        signIn(f.staff, Role.CALLTEST_STAFF);
        navigate(app.ombud.platform.ui.HomeView.class);
        assertThat(menuPaths()).contains("calltest/scenarios", "calltest/plans", "calltest/streaks")
                .doesNotContain("calltest/group");
        signIn("test-admin", Role.ADMIN);
        navigate(app.ombud.platform.ui.HomeView.class);
        assertThat(menuPaths()).contains("calltest/scenarios", "calltest/plans", "calltest/group");
    }

    private static java.util.List<String> menuPaths() {
        return com.vaadin.flow.server.menu.MenuConfiguration.getMenuEntries().stream()
                .map(e -> e.path().replaceFirst("^/", "")).toList();
    }
}
