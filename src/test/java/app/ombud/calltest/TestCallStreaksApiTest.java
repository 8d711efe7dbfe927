package app.ombud.calltest;

import static app.ombud.support.TestData.as;
import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.directory.DirectoryService;
import app.ombud.improvement.ImprovementAction;
import app.ombud.improvement.ImprovementScope;
import app.ombud.improvement.ImprovementService;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.Role;
import app.ombud.policy.PolicyService;
import app.ombud.support.ApiAccess;
import app.ombud.support.OmbudIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Streaks of misses and the actions raised from test calls through the API with real tokens: two
 * agents who each missed solving on the spot in the policy's number of calls in a row are listed
 * (paged, the run's calls named), leadership reads the list, an agent and a BI reader do not; the
 * lead raises an action from one agent's streak with a re-test, once per Idempotency-Key, and one
 * from a call's finding; an agent is refused and an unsupported group is refused, nothing raised.
 */
@OmbudIntegrationTest
class TestCallStreaksApiTest {

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
    ImprovementService improvements;

    @Autowired
    PolicyService policy;

    @Test
    void streaksAreListedAndTheLeadRaisesActionsFromAStreakAndAFindingWithARetest() {
        var f = CallTestFixture.create("SA", directory, groups, scenarios, plans);
        CallTestPlan plan = f.activePlan(1);
        Scenario scenario = as(f.staff, () -> scenarios.get(plan.scenarios().getFirst().scenarioId()),
                Role.CALLTEST_STAFF);
        int k = policy.current().content().callTestThresholds().consecutiveMissesToFlag();
        // agent 1 misses k times in a row, agent 2 k + 1 times: the longer run is listed first
        Map<String, List<TestCall>> made = new LinkedHashMap<>();
        made.put(f.agents.get(0), notSolved(f, plan, scenario, f.agents.get(0), k));
        made.put(f.agents.get(1), notSolved(f, plan, scenario, f.agents.get(1), k + 1));

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String from = today.minusDays(30).toString();
        var staff = api.withToken(api.personToken(f.staff, Role.CALLTEST_STAFF));
        List<Map<String, Object>> all = nodes(streaks(staff, from, today.toString(), "AGENT", 100, null));
        List<Map<String, Object>> ours = all.stream().filter(n -> made.containsKey(n.get("groupId"))).toList();
        assertThat(ours).extracting(n -> n.get("groupId")).containsExactly(f.agents.get(1), f.agents.get(0));
        for (Map<String, Object> streak : ours) {
            List<TestCall> run = made.get(streak.get("groupId"));
            assertThat(streak.get("measure")).isEqualTo("ON_SPOT_RESOLUTION");
            assertThat(streak.get("calls")).isEqualTo(run.size());
            assertThat(streak.get("callIds")).isEqualTo(run.stream().map(c -> c.id().toString()).toList());
            assertThat(streak.get("firstCallId")).isEqualTo(run.getFirst().id().toString());
            assertThat(streak.get("lastCallId")).isEqualTo(run.getLast().id().toString());
            assertThat(streak.get("groupName")).isEqualTo("坐席" + streak.get("groupId"));
        }
        // the longest runs first
        assertThat(all).extracting(n -> (Integer) n.get("calls")).isSortedAccordingTo((a, b) -> b - a);
        // the team's run: every call of both agents, in the order made
        var team = nodes(streaks(staff, from, today.toString(), "TEAM", 100, null)).stream()
                .filter(n -> f.team.id().toString().equals(n.get("groupId"))).toList();
        assertThat(team).singleElement().satisfies(n -> assertThat(n.get("calls")).isEqualTo(2 * k + 1));

        // paged: one by one, the second page after the first's cursor
        var first = streaks(staff, from, today.toString(), "AGENT", 1, null);
        first.path("testCallStreaks.edges").entityList(Object.class).hasSize(1);
        first.path("testCallStreaks.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        String cursor = first.path("testCallStreaks.pageInfo.endCursor").entity(String.class).get();
        assertThat(nodes(streaks(staff, from, today.toString(), "AGENT", 1, cursor))).singleElement()
                .isEqualTo(all.get(1));
        code(streaks(staff, from, today.toString(), "AGENT", 0, null), "PAGE_SIZE_OUT_OF_RANGE");
        code(streaks(staff, today.toString(), from, "AGENT", 10, null), "RANGE_INVALID");

        // leadership reads the list; an agent and a BI reader do not
        streaks(api.withToken(api.token(Role.LEADERSHIP)), from, today.toString(), "TEAM", 10, null).errors()
                .verify();
        for (Role role : List.of(Role.AGENT, Role.BI_READER)) {
            code(streaks(api.withToken(api.token(role)), from, today.toString(), "AGENT", 10, null), "FORBIDDEN");
        }

        // the lead raises an action from agent 1's streak with a re-test; a repeat with the key raises nothing twice
        var lead = api.withToken(api.personToken(f.lead, Role.CALLTEST_STAFF));
        String title = "提升首问解决率" + f.p;
        Map<String, Object> input = weakSpotInput(f, "AGENT", f.agents.get(0), from + ".." + today, title);
        input.put("retestScenarioId", scenario.id().toString());
        var key = IdempotencyKey.random().value();
        var raised = keyed(lead, key).documentName("raiseTestCallAction").operationName("raiseWeakSpotAction")
                .variable("input", input).execute();
        raised.path("raiseWeakSpotAction.action.source").entity(String.class).isEqualTo("WEAK_SPOT")
                .path("raiseWeakSpotAction.action.sourceRef.type").entity(String.class).isEqualTo("WeakSpot")
                .path("raiseWeakSpotAction.action.ownerEmployeeId").entity(String.class).isEqualTo(f.agents.get(2))
                .path("raiseWeakSpotAction.action.retest.scenarioRef").entity(String.class)
                .isEqualTo(scenario.number())
                // an agent's weak spot is re-tested on the agent's team
                .path("raiseWeakSpotAction.action.retest.teamId").entity(String.class)
                .isEqualTo(f.team.id().toString());
        String id = raised.path("raiseWeakSpotAction.action.id").entity(String.class).get();
        keyed(lead, key).documentName("raiseTestCallAction").operationName("raiseWeakSpotAction")
                .variable("input", input).execute().path("raiseWeakSpotAction.action.id").entity(String.class)
                .isEqualTo(id);
        assertThat(raisedBy(f.lead, title)).singleElement().satisfies(a -> {
            assertThat(a.id().toString()).isEqualTo(id);
            assertThat(a.departmentId()).isEqualTo(f.department.id());
        });

        // from the finding of agent 2's latest call: its own scenario on its team
        TestCall latest = made.get(f.agents.get(1)).getLast();
        Map<String, Object> finding = new HashMap<>(weakSpotInput(f, "AGENT", f.agents.get(1), "-", "话术" + f.p));
        finding.remove("weakSpot");
        finding.put("testCallId", latest.id().toString());
        finding.put("requireRetest", true);
        lead.documentName("raiseTestCallAction").operationName("raiseTestCallFindingAction")
                .variable("input", finding).execute()
                .path("raiseTestCallFindingAction.action.source").entity(String.class).isEqualTo("TEST_CALL_FINDING")
                .path("raiseTestCallFindingAction.action.sourceRef.number").entity(String.class)
                .isEqualTo(latest.number())
                .path("raiseTestCallFindingAction.action.retest.scenarioRef").entity(String.class)
                .isEqualTo(scenario.number())
                .path("raiseTestCallFindingAction.action.retest.teamId").entity(String.class)
                .isEqualTo(f.team.id().toString());

        // an agent is refused both; a company-wide weak spot is refused; nothing is raised
        var agent = api.withToken(api.personToken(f.agents.get(0), Role.AGENT));
        String refused = "被拒" + f.p;
        code(agent.documentName("raiseTestCallAction").operationName("raiseWeakSpotAction")
                .variable("input", weakSpotInput(f, "AGENT", f.agents.get(0), "2026-01", refused)).execute(),
                "FORBIDDEN");
        Map<String, Object> agentFinding = new HashMap<>(finding);
        agentFinding.put("title", refused);
        code(agent.documentName("raiseTestCallAction").operationName("raiseTestCallFindingAction")
                .variable("input", agentFinding).execute(), "FORBIDDEN");
        code(lead.documentName("raiseTestCallAction").operationName("raiseWeakSpotAction")
                .variable("input", weakSpotInput(f, "COMPANY", "company", "2026-01", refused)).execute(),
                "WEAK_SPOT_GROUP_UNSUPPORTED");
        assertThat(raisedBy(f.lead, refused)).isEmpty();
        assertThat(as(f.agents.get(0), () -> improvements.search(ImprovementScope.MINE, null,
                ScrollPosition.offset(), 200), Role.AGENT).stream().filter(a -> a.title().equals(refused)).toList())
                .isEmpty();
    }

    /** {@code n} spot checks on the agent, each recorded not solved on the spot (every other threshold met). */
    private List<TestCall> notSolved(CallTestFixture f, CallTestPlan plan, Scenario scenario, String agent, int n) {
        var zone = ZoneId.of("Asia/Shanghai");
        Map<String, Integer> answers = new LinkedHashMap<>();
        policy.current().content().scorecard().items().forEach(item -> answers.put(item.code(), item.scale().max()));
        List<TestCall> made = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant at = f.quarter.firstMonth().atDay(10 + i).atTime(10, 0).atZone(zone).toInstant();
            var withSpot = as(f.staff, () -> draws.addSpotCheck(plan.id(), new SpotCheckInput(f.team.id(),
                    CallChannel.PHONE, agent, at, "连续抽查"), null), Role.CALLTEST_STAFF);
            Slot spot = withSpot.spotChecks().getLast();
            // made in order, a minute apart
            Instant calledAt = Instant.now().minus(Duration.ofMinutes(60 - made.size()));
            made.add(as(f.staff, () -> calls.record(new TestCallInput(spot.id(), new ScenarioRef(scenario.id(),
                    scenario.current().revision()), calledAt, 1, null, "坐席未能当场解决", false,
                    scenario.current().knowledgePoints().stream().map(p -> new KnowledgeResult(p.code(), true))
                            .toList(), new Communication(5, null, null, null), null, List.of(), null, null,
                    answers), IdempotencyKey.NONE), Role.CALLTEST_STAFF));
        }
        return made;
    }

    private static Map<String, Object> weakSpotInput(CallTestFixture f, String groupBy, String groupId,
            String period, String title) {
        Map<String, Object> input = new HashMap<>();
        input.put("weakSpot", Map.of("groupBy", groupBy, "groupId", groupId, "measure", "ON_SPOT_RESOLUTION",
                "period", period));
        input.put("title", title);
        input.put("description", "连续多次拨测未能当场解决");
        input.put("departmentId", f.department.id().toString());
        input.put("ownerEmployeeId", f.agents.get(2));
        return input;
    }

    private static GraphQlTester.Response streaks(HttpGraphQlTester tester, String from, String to, String groupBy,
            int first, String after) {
        var request = tester.documentName("testCallStreaks").variable("from", from).variable("to", to)
                .variable("groupBy", groupBy).variable("first", first);
        return (after == null ? request : request.variable("after", after)).execute();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> nodes(GraphQlTester.Response response) {
        return response.path("testCallStreaks.edges").entityList(Object.class).get().stream()
                .map(e -> (Map<String, Object>) ((Map<String, Object>) e).get("node")).toList();
    }

    private List<ImprovementAction> raisedBy(String employeeId, String title) {
        return as(employeeId, () -> improvements.search(ImprovementScope.MINE, null, ScrollPosition.offset(), 200),
                Role.CALLTEST_STAFF).stream().filter(a -> a.title().equals(title)).toList();
    }

    private static HttpGraphQlTester keyed(HttpGraphQlTester tester, String key) {
        return tester.mutate().header(IdempotencyKey.HEADER, key).build();
    }

    private static void code(GraphQlTester.Response response, String code) {
        response.errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", code)));
    }
}
