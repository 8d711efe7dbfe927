package app.ombud.calltest;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.directory.DirectoryService;
import app.ombud.platform.IdempotencyKey;
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
 * final score; the figures for BI tools; an agent and a BI reader refused the calls themselves. An
 * online call and an online spot check count minutes to the first reply, not rings; bad minutes
 * and rings on a chat are refused with nothing written.
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

    @Test
    void anOnlineCallAndAnOnlineSpotCheckCountMinutesToTheFirstReplyAndBadMinutesWriteNothing() {
        var f = CallTestFixture.create("TO", directory, groups, scenarios, plans);
        Scenario phone = f.scenario("物流查询" + f.p);
        var online = f.scenarioInput("在线物流查询" + f.p);
        Scenario chat = TestData.as(f.staff, () -> scenarios.create(new ScenarioInput(online.type(), online.special(),
                CallChannel.ONLINE, online.title(), online.script(), online.expectedAnswer(), online.knowledgePoints(),
                online.tags()), IdempotencyKey.NONE), Role.CALLTEST_STAFF);
        var both = f.planInput(phone, 1);
        CallTestPlan plan = TestData.as(f.staff, () -> {
            var draft = plans.create(new PlanInput(both.quarter(), both.purpose(), both.teamIds(), both.lines(),
                    both.channels(), both.schedule(), List.of(phone.id(), chat.id()), both.executorEmployeeIds(),
                    both.quotas()), IdempotencyKey.NONE);
            return plans.submit(draft.id(), draft.version());
        }, Role.CALLTEST_STAFF);
        TestData.as(f.lead, () -> plans.approve(plan.id(), null), Role.CALLTEST_STAFF);
        String month = f.quarter.firstMonth().toString();
        var drawn = TestData.as(f.staff, () -> draws.draw(plan.id(), month, null), Role.CALLTEST_STAFF);
        Slot slot = drawn.drawOf(month).orElseThrow().slots().stream()
                .filter(s -> s.channel() == CallChannel.ONLINE).findFirst().orElseThrow();
        var withSpotCheck = TestData.as(f.staff, () -> draws.addSpotCheck(plan.id(), new SpotCheckInput(f.team.id(),
                CallChannel.ONLINE, f.agents.get(2), f.quarter.firstMonth().atDay(12).atTime(15, 0)
                        .atZone(ZoneId.of("Asia/Shanghai")).toInstant(), "在线抽查"), drawn.version()),
                Role.CALLTEST_STAFF);
        Slot spot = withSpotCheck.spotChecks().getLast();
        assertThat(spot.channel()).isEqualTo(CallChannel.ONLINE);
        var staff = api.withToken(api.personToken(f.staff, Role.CALLTEST_STAFF));

        // bad minutes, and rings on a chat: refused with the code, nothing written, the slot still planned
        code(staff.documentName("recordTestCall").variable("input", online(slot, chat, "-0.5", null)).execute(),
                "VALUE_OUT_OF_RANGE");
        code(staff.documentName("recordTestCall").variable("input", online(slot, chat, "1440.1", null)).execute(),
                "VALUE_OUT_OF_RANGE");
        code(staff.documentName("recordTestCall").variable("input", online(slot, chat, "3", 2)).execute(),
                "RINGS_ONLY_ON_PHONE");
        code(staff.documentName("recordTestCall").variable("input", online(slot, chat, null, null)).execute(),
                "REQUIRED");
        // a phone scenario on the chat slot
        code(staff.documentName("recordTestCall").variable("input", online(slot, phone, "3", null)).execute(),
                "SCENARIO_CHANNEL_MISMATCH");
        staff.documentName("testCalls").operationName("testCalls").variable("planId", plan.id().toString()).execute()
                .path("testCalls.edges").entityList(Object.class).hasSize(0);
        assertThat(TestData.as(f.staff, () -> draws.slot(slot.id()), Role.CALLTEST_STAFF).status())
                .isEqualTo(SlotStatus.PLANNED);

        // minutes are kept to a tenth, half up: 2.75 is 2.8
        var recorded = staff.documentName("recordTestCall").variable("input", online(slot, chat, "2.75", null))
                .execute();
        recorded.path("recordTestCall.testCall.channel").entity(String.class).isEqualTo("ONLINE")
                .path("recordTestCall.testCall.ringsBeforeAnswer").valueIsNull()
                .path("recordTestCall.testCall.firstReplyMinutes").entity(String.class).isEqualTo("2.8");
        staff.documentName("recordTestCall").variable("input", online(spot, chat, "6", null)).execute()
                .path("recordTestCall.testCall.spotCheck").entity(Boolean.class).isEqualTo(true);

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        var figures = api.withToken(api.token(Role.BI_READER)).documentName("testCalls")
                .operationName("testCallFigures").variable("from", today.toString()).variable("to", today.toString())
                .variable("groupBy", "TEAM").execute();
        List<Map<String, Object>> rows = figures.path("testCallMeasureRows").entityList(Object.class).get().stream()
                .map(row -> (Map<String, Object>) row).filter(row -> f.team.id().toString().equals(row.get("groupId")))
                .toList();
        // independently: the two calls' minutes as stored (to a tenth, half up), their mean and sample deviation
        double[] minutes = {new java.math.BigDecimal("2.75").setScale(1, java.math.RoundingMode.HALF_UP)
                .doubleValue(), 6.0};
        double mean = (minutes[0] + minutes[1]) / 2;
        double sd = Math.sqrt(((minutes[0] - mean) * (minutes[0] - mean) + (minutes[1] - mean) * (minutes[1] - mean))
                / (minutes.length - 1));
        double max = policy.current().content().callTestThresholds().onlineFirstReplyMinutesMax();
        assertThat(rows).filteredOn(row -> "ONLINE_FIRST_REPLY_MINUTES".equals(row.get("measure"))).singleElement()
                .satisfies(row -> {
                    assertThat(row.get("n")).isEqualTo(2);
                    assertThat((Double) row.get("mean")).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-9));
                    assertThat((Double) row.get("stdDev")).isCloseTo(sd, org.assertj.core.data.Offset.offset(1e-9));
                    assertThat(row.get("min")).isEqualTo(2.8);
                    assertThat(row.get("max")).isEqualTo(6.0);
                    assertThat(row.get("meetsThreshold")).isEqualTo(mean <= max);
                });
        // no phone call: no rings row for the team
        assertThat(rows).noneMatch(row -> "RINGS_BEFORE_ANSWER".equals(row.get("measure")));
    }

    /** A chat on the slot: minutes to the first reply as a decimal text (null: left out), rings only when given. */
    private Map<String, Object> online(Slot slot, Scenario scenario, String minutes, Integer rings) {
        Map<String, Object> input = input(slot, scenario, 0, null);
        input.remove("ringsBeforeAnswer");
        if (rings != null) {
            input.put("ringsBeforeAnswer", rings);
        }
        if (minutes != null) {
            input.put("firstReplyMinutes", minutes);
        }
        return input;
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
