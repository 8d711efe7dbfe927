package app.ombud.calltest;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.directory.DirectoryService;
import app.ombud.platform.Role;
import app.ombud.policy.PolicyService;
import app.ombud.support.ApiAccess;
import app.ombud.support.OmbudIntegrationTest;
import app.ombud.support.TestData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Test calls through the API with real tokens (operations in {@code graphql-test/}): an executor
 * records a phone call and a spot check, the follow-up, calibration by the lead and the lead's
 * final score; the figures for BI tools; an agent and a BI reader refused the calls themselves.
 */
@OmbudIntegrationTest
class TestCallApiTest {

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
    PolicyService policy;

    @Test
    void anExecutorRecordsACallAndASpotCheckTheLeadCalibratesAndBiToolsReadTheFigures() {
        var f = CallTestFixture.create("TA", directory, groups, scenarios, plans);
        var active = f.activePlan(1);
        String month = f.quarter.firstMonth().toString();
        var drawn = TestData.as(f.staff, () -> draws.draw(active.id(), month, null), Role.CALLTEST_STAFF);
        Slot slot = drawn.drawOf(month).orElseThrow().slots().stream()
                .filter(s -> s.channel() == CallChannel.PHONE).findFirst().orElseThrow();
        var withSpotCheck = TestData.as(f.staff, () -> draws.addSpotCheck(active.id(), new SpotCheckInput(f.team.id(),
                CallChannel.PHONE, f.agents.get(2), f.quarter.firstMonth().atDay(10).atTime(10, 0)
                        .atZone(ZoneId.of("Asia/Shanghai")).toInstant(), "不定期抽查"), drawn.version()),
                Role.CALLTEST_STAFF);
        Slot spot = withSpotCheck.spotChecks().getLast();
        Scenario scenario = TestData.as(f.staff, () -> scenarios.get(active.scenarios().getFirst().scenarioId()),
                Role.CALLTEST_STAFF);

        var staff = api.withToken(api.personToken(f.staff, Role.CALLTEST_STAFF));
        var lead = api.withToken(api.personToken(f.lead, Role.CALLTEST_STAFF));
        var recorded = staff.documentName("recordTestCall").variable("input", input(slot, scenario, 5,
                Instant.now().plus(Duration.ofDays(2)))).execute();
        recorded.path("recordTestCall.testCall.status").entity(String.class).isEqualTo("RECORDED")
                .path("recordTestCall.testCall.finalScore").entity(String.class).isEqualTo("100.00")
                .path("recordTestCall.testCall.allowedSteps").entityList(String.class).containsExactly(
                        "RECORD_FOLLOW_UP");
        String id = recorded.path("recordTestCall.testCall.id").entity(String.class).get();
        var spotCall = staff.documentName("recordTestCall").variable("input", input(spot, scenario, 2, null))
                .execute();
        spotCall.path("recordTestCall.testCall.spotCheck").entity(Boolean.class).isEqualTo(true);
        code(staff.documentName("recordTestCall").variable("input", input(spot, scenario, 2, null)).execute(),
                "SLOT_NOT_PLANNED");

        var followed = staff.documentName("testCallStep").operationName("recordTestCallFollowUp")
                .variable("input", Map.of("id", id, "deliveredAt", Instant.now().toString())).execute();
        followed.path("recordTestCallFollowUp.testCall.followUp.deliveredAt").hasValue();
        lead.documentName("testCallStep").operationName("addTestCallCalibration")
                .variable("input", Map.of("id", id, "answers", answers(null))).execute()
                .path("addTestCallCalibration.testCall.gradings").entityList(Object.class).hasSize(2);
        code(staff.documentName("testCallStep").operationName("setTestCallFinalScore")
                .variable("input", Map.of("id", id, "score", "95", "reason", "合议")).execute(), "GROUP_LEAD_ONLY");
        lead.documentName("testCallStep").operationName("setTestCallFinalScore")
                .variable("input", Map.of("id", id, "score", "95", "reason", "合议")).execute()
                .path("setTestCallFinalScore.testCall.finalScore").entity(String.class).isEqualTo("95.00");

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        var bi = api.withToken(api.token(Role.BI_READER));
        var figures = bi.documentName("testCalls").operationName("testCallFigures").variable("from",
                today.toString()).variable("to", today.toString()).variable("groupBy", "TEAM").execute();
        List<Map<String, Object>> rows = figures.path("testCallMeasureRows").entityList(Object.class).get().stream()
                .map(row -> (Map<String, Object>) row).filter(row -> f.team.id().toString().equals(row.get("groupId")))
                .toList();
        // rings 5 and 2 this month: n 2, mean 3.5
        assertThat(rows).filteredOn(row -> "RINGS_BEFORE_ANSWER".equals(row.get("measure"))).singleElement()
                .satisfies(row -> {
                    assertThat(row.get("n")).isEqualTo(2);
                    assertThat(row.get("mean")).isEqualTo(3.5);
                    assertThat(row.get("Time")).isEqualTo(today.withDayOfMonth(1).toString());
                    assertThat(row.get("groupName")).isEqualTo(f.team.name());
                });
        figures.path("testCallCorrelations").entityList(Object.class).hasSizeGreaterThan(0);

        // the list by department and scenario type, as the statistics group: this test's two calls, both of the
        // fixture's department and of its common-question scenario
        staff.documentName("testCalls").operationName("testCalls").variable("departmentId", f.department.id())
                .execute().path("testCalls.edges").entityList(Object.class).hasSize(2);
        staff.documentName("testCalls").operationName("testCalls").variable("departmentId", f.department.id())
                .variable("scenarioType", "COMMON_QUESTION").execute().path("testCalls.edges")
                .entityList(Object.class).hasSize(2);
        staff.documentName("testCalls").operationName("testCalls").variable("departmentId", f.department.id())
                .variable("scenarioType", "SPECIAL_SITUATION").execute().path("testCalls.edges")
                .entityList(Object.class).hasSize(0);

        // the calls themselves are confidential to the test-call staff
        for (Role role : List.of(Role.AGENT, Role.BI_READER, Role.LEADERSHIP)) {
            code(api.withToken(api.token(role)).documentName("testCalls").operationName("testCalls").execute(),
                    "FORBIDDEN");
        }
    }

    private Map<String, Object> input(Slot slot, Scenario scenario, int rings, Instant followUpDue) {
        var points = scenario.current().knowledgePoints();
        Map<String, Object> input = new HashMap<>();
        input.put("slotId", slot.id().toString());
        input.put("scenario", Map.of("scenarioId", scenario.id().toString(), "revision",
                scenario.current().revision()));
        input.put("calledAt", Instant.now().minus(Duration.ofMinutes(5)).toString());
        input.put("ringsBeforeAnswer", rings);
        input.put("performance", "坐席告知了单号");
        input.put("solvedOnSpot", true);
        input.put("knowledge", List.of(Map.of("code", points.get(0).code(), "correct", true)));
        input.put("communication", Map.of("rating", 4));
        if (followUpDue != null) {
            input.put("followUpPromisedDue", followUpDue.toString());
        }
        input.put("answers", answers(null));
        return input;
    }

    /** Every scorecard item at the top of its scale. */
    private List<Map<String, Object>> answers(String unused) {
        List<Map<String, Object>> answers = new ArrayList<>();
        policy.current().content().scorecard().items().forEach(item -> answers.add(Map.of("item", item.code(),
                "value", item.scale().max())));
        return answers;
    }

    private static void code(GraphQlTester.Response response, String code) {
        response.errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", code)));
    }
}
