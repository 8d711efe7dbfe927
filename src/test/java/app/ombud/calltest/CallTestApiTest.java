package app.ombud.calltest;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.directory.DirectoryService;
import app.ombud.platform.Role;
import app.ombud.support.ApiAccess;
import app.ombud.support.OmbudIntegrationTest;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The test-call programme through the API with real tokens (operations in {@code graphql-test/}):
 * the library, a plan from draft to active, the draw and a spot check, the refusals of bad input,
 * and confidentiality — every role but CALLTEST_STAFF and ADMIN is refused every read.
 */
@OmbudIntegrationTest
class CallTestApiTest {

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

    @Test
    void aPlanGoesFromDraftToADrawnMonthWithASpotCheck() {
        var f = CallTestFixture.create("CA", directory, groups, scenarios, plans);
        var staff = api.withToken(api.personToken(f.staff, Role.CALLTEST_STAFF));
        var lead = api.withToken(api.personToken(f.lead, Role.CALLTEST_STAFF));

        var created = staff.documentName("createCallTestScenario").variable("input", scenario(f, "物流查询"))
                .execute();
        String scenarioId = created.path("createCallTestScenario.scenario.id").entity(String.class).get();
        created.path("createCallTestScenario.scenario.current.knowledgePoints[*].code").entityList(String.class)
                .containsExactly("K1", "K2");

        var revised = Map.<String, Object>of("id", scenarioId, "scenario", Map.of("type", "SPECIAL_SITUATION",
                "special", "AGITATED_CUSTOMER", "channel", "PHONE", "title", "物流延误的愤怒客户", "script", "客户情绪激动",
                "expectedAnswer", "安抚并查询", "knowledgePoints", List.of(Map.of("code", "K2", "text", "告知物流单号"),
                        Map.of("text", "安抚情绪"))));
        staff.documentName("reviseCallTestScenario").variable("input", revised).execute()
                .path("reviseCallTestScenario.scenario.current.revision").entity(Integer.class).isEqualTo(2)
                .path("reviseCallTestScenario.scenario.current.knowledgePoints[*].code").entityList(String.class)
                .containsExactly("K2", "K3")
                .path("reviseCallTestScenario.scenario.revisions").entityList(Object.class).hasSize(2);
        staff.documentName("callTestScenarioRevision").variable("id", scenarioId).variable("revision", 1).execute()
                .path("callTestScenarioRevision.title").entity(String.class).isEqualTo("物流查询");

        String month = f.quarter.firstMonth().toString();
        var plan = staff.documentName("createCallTestPlan").variable("input", plan(f, scenarioId, month, 2))
                .execute();
        plan.path("createCallTestPlan.plan.status").entity(String.class).isEqualTo("DRAFT");
        plan.path("createCallTestPlan.plan.allowedSteps").entityList(String.class).contains("EDIT", "SUBMIT").hasSize(2);
        String planId = plan.path("createCallTestPlan.plan.id").entity(String.class).get();

        staff.documentName("callTestPlanStep").operationName("submitCallTestPlan")
                .variable("input", Map.of("id", planId)).execute()
                .path("submitCallTestPlan.plan.status").entity(String.class).isEqualTo("SUBMITTED");
        code(staff.documentName("callTestPlanStep").operationName("approveCallTestPlan")
                .variable("input", Map.of("id", planId)).execute(), "NOT_CALLTEST_GROUP_LEAD");
        lead.documentName("callTestPlanStep").operationName("approveCallTestPlan")
                .variable("input", Map.of("id", planId)).execute()
                .path("approveCallTestPlan.plan.status").entity(String.class).isEqualTo("ACTIVE")
                .path("approveCallTestPlan.plan.approvedBy").entity(String.class).isEqualTo(f.lead)
                .path("approveCallTestPlan.plan.policyVersion").entity(Integer.class).satisfies(v ->
                        assertThat(v).isPositive());

        code(draw(staff, planId, f.quarter.firstMonth().plusMonths(3).toString()), "DRAW_MONTH_OUTSIDE_QUARTER");
        var drawn = draw(staff, planId, month);
        drawn.path("drawCallTestMonth.plan.draws[0].reproducible").entity(Boolean.class).isEqualTo(true)
                .path("drawCallTestMonth.plan.draws[0].algorithm").entity(String.class).isEqualTo("L64X128MixRandom")
                .path("drawCallTestMonth.plan.draws[0].strata[*].eligibleAgents[*]").entityList(String.class)
                .contains(f.agents.toArray(String[]::new)).hasSize(6)
                .path("drawCallTestMonth.plan.draws[0].slots").entityList(Object.class).hasSize(3)
                .path("drawCallTestMonth.plan.draws[0].seed").entity(String.class).satisfies(seed -> Long.parseLong(seed));
        drawn.path("drawCallTestMonth.plan.progress[?(@.month == '" + month + "' && @.channel == 'PHONE' && @.due == 2)].drawn")
                .entityList(Integer.class).containsExactly(2);
        code(draw(staff, planId, month), "DRAW_EXISTS");

        String slotId = drawn.path("drawCallTestMonth.plan.draws[0].slots[0].id").entity(String.class).get();
        staff.documentName("callTestSlot").variable("id", slotId).execute()
                .path("callTestSlot.status").entity(String.class).isEqualTo("PLANNED");
        String at = f.quarter.firstMonth().plusMonths(1).atDay(10).atTime(10, 0).atZone(
                java.time.ZoneId.of("Asia/Shanghai")).toInstant().toString();
        staff.documentName("addCallTestSpotCheck").variable("input", Map.of("planId", planId, "spotCheck",
                Map.of("teamId", f.team.id().toString(), "channel", "ONLINE", "agentEmployeeId", f.agents.get(2),
                        "at", at, "note", "近期投诉较多"))).execute()
                .path("addCallTestSpotCheck.plan.spotChecks[0].spotCheck").entity(Boolean.class).isEqualTo(true)
                .path("addCallTestSpotCheck.plan.spotChecks[0].month").entity(String.class)
                .isEqualTo(f.quarter.firstMonth().plusMonths(1).toString());
        code(staff.documentName("addCallTestSpotCheck").variable("input", Map.of("planId", planId, "spotCheck",
                Map.of("teamId", f.team.id().toString(), "channel", "ONLINE", "agentEmployeeId", f.outsider,
                        "at", at))).execute(), "SPOT_CHECK_AGENT_NOT_IN_TEAM");
    }

    @Test
    void badInputIsRefusedWithItsCode() {
        var f = CallTestFixture.create("CB", directory, groups, scenarios, plans);
        var staff = api.withToken(api.personToken(f.staff, Role.CALLTEST_STAFF));
        var noPoints = new java.util.HashMap<>(scenario(f, "无要点"));
        noPoints.put("knowledgePoints", List.of());
        code(staff.documentName("createCallTestScenario").variable("input", noPoints).execute(),
                "SCENARIO_KNOWLEDGE_POINTS_REQUIRED");
        var noScript = new java.util.HashMap<>(scenario(f, "无脚本"));
        noScript.put("script", "  ");
        code(staff.documentName("createCallTestScenario").variable("input", noScript).execute(), "REQUIRED");
        var special = new java.util.HashMap<>(scenario(f, "特殊"));
        special.put("type", "SPECIAL_SITUATION");
        code(staff.documentName("createCallTestScenario").variable("input", special).execute(),
                "SCENARIO_SPECIAL_KIND_REQUIRED");

        String scenarioId = f.scenario("物流").id().toString();
        String month = f.quarter.firstMonth().toString();
        code(create(staff, plan(f, scenarioId, month, -1)), "VALUE_OUT_OF_RANGE");
        code(create(staff, plan(f, scenarioId, month, 100_000)), "VALUE_OUT_OF_RANGE");
        code(create(staff, plan(f, scenarioId, f.quarter.firstMonth().plusMonths(3).toString(), 1)),
                "QUOTA_MONTH_OUTSIDE_QUARTER");
        var past = new java.util.HashMap<>(plan(f, scenarioId, month, 1));
        past.put("quarter", "2020-Q1");
        past.put("quotas", List.of());
        code(create(staff, past), "PLAN_QUARTER_PAST");
        past.put("quarter", "2027-Q5");
        code(create(staff, past), "QUARTER_INVALID");
        var outsider = new java.util.HashMap<>(plan(f, scenarioId, month, 1));
        outsider.put("executorEmployeeIds", List.of(f.outsider));
        code(create(staff, outsider), "NOT_CALLTEST_STAFF");
        code(staff.documentName("callTestPlans").execute(), null);
    }

    @Test
    void onlyTestCallStaffAndAdminsReadTheProgramme() {
        var f = CallTestFixture.create("CC", directory, groups, scenarios, plans);
        var plan = f.activePlan(1);
        var drawn = app.ombud.support.TestData.as(f.staff, () -> draws.draw(plan.id(),
                f.quarter.firstMonth().toString(), null), Role.CALLTEST_STAFF);
        UUID slot = drawn.draws().getFirst().slots().getFirst().id();
        UUID scenario = plan.scenarios().getFirst().scenarioId();

        for (Role role : EnumSet.complementOf(EnumSet.of(Role.CALLTEST_STAFF, Role.ADMIN))) {
            var caller = api.as(role);
            assertThat(reads(caller, plan.id(), slot, scenario)).as(role.name()).containsOnly("FORBIDDEN");
        }
        var agent = api.withToken(api.personToken(f.agents.getFirst(), Role.AGENT));
        assertThat(reads(agent, plan.id(), slot, scenario)).containsOnly("FORBIDDEN");
        for (Role role : List.of(Role.CALLTEST_STAFF, Role.ADMIN)) {
            assertThat(reads(api.as(role), plan.id(), slot, scenario)).as(role.name()).containsOnly("OK");
        }
        api.as(Role.CALLTEST_STAFF).documentName("callTestPlan").variable("id", plan.id().toString()).execute()
                .path("callTestPlan.teams[*].name").entityList(String.class).contains(f.team.name())
                .path("callTestPlan.allowedSteps").entityList(String.class).hasSize(0);
    }

    private static List<String> reads(GraphQlTester caller, UUID plan, UUID slot, UUID scenario) {
        return List.of(
                outcome(caller.documentName("callTestPlan").variable("id", plan.toString()).execute()),
                outcome(caller.documentName("callTestPlans").execute()),
                outcome(caller.documentName("callTestSlot").variable("id", slot.toString()).execute()),
                outcome(caller.documentName("callTestScenarios").execute()),
                outcome(caller.documentName("callTestScenarioRevision").variable("id", scenario.toString())
                        .variable("revision", 1).execute()),
                outcome(caller.document("{ callTestGroup { leadEmployeeId } }").execute()));
    }

    private static String outcome(GraphQlTester.Response response) {
        String[] code = {"OK"};
        response.errors().satisfy(errors -> {
            if (!errors.isEmpty()) {
                code[0] = String.valueOf(errors.getFirst().getExtensions().get("code"));
            }
        });
        return code[0];
    }

    private static GraphQlTester.Response draw(GraphQlTester caller, String planId, String month) {
        return caller.documentName("drawCallTestMonth").variable("input", Map.of("planId", planId, "month", month))
                .execute();
    }

    private static GraphQlTester.Response create(GraphQlTester caller, Map<String, Object> input) {
        return caller.documentName("createCallTestPlan").variable("input", input).execute();
    }

    /** Expects exactly one error with the code, or none for {@code null}. */
    private static void code(GraphQlTester.Response response, String code) {
        response.errors().satisfy(errors -> {
            if (code == null) {
                assertThat(errors).isEmpty();
            } else {
                assertThat(errors).singleElement().satisfies(e -> assertThat(e.getExtensions())
                        .containsEntry("code", code));
            }
        });
    }

    private static Map<String, Object> scenario(CallTestFixture f, String title) {
        return Map.of("type", "COMMON_QUESTION", "channel", "PHONE", "title", title, "script", "客户询问订单物流",
                "expectedAnswer", "查询物流并告知单号", "knowledgePoints", List.of(Map.of("text", "核实身份"),
                        Map.of("text", "告知物流单号")), "tags", List.of("物流", f.p));
    }

    private static Map<String, Object> plan(CallTestFixture f, String scenarioId, String month, int phone) {
        return Map.of("quarter", f.quarter.toString(), "purpose", "检验首问负责制", "teamIds",
                List.of(f.team.id().toString(), f.empty.id().toString()), "lines", List.of("10010"), "channels",
                List.of("PHONE", "ONLINE"), "scenarioIds", List.of(scenarioId), "executorEmployeeIds",
                List.of(f.staff), "quotas", List.of(Map.of("month", month, "teamId", f.team.id().toString(),
                        "channel", "PHONE", "count", phone), Map.of("month", month, "teamId",
                        f.team.id().toString(), "channel", "ONLINE", "count", 1)));
    }
}
