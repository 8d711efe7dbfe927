package app.ombud.calltest;

import static app.ombud.support.TestData.as;
import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.directory.DirectoryService;
import app.ombud.improvement.TrainingNeeds;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.Role;
import app.ombud.policy.PolicyService;
import app.ombud.support.ApiAccess;
import app.ombud.support.OmbudIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The training needs of a period through the API with real tokens (operations in
 * {@code graphql-test/deriveTrainingNeeds.graphql}): the staff derive them again after the lead
 * published the month — the same needs, none new; the report lists them; a done need's effect is
 * computed; an agent is refused, a period without a published report too.
 */
@OmbudIntegrationTest
class TrainingNeedsApiTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

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
    CallTestReports reports;

    @Autowired
    TrainingNeeds needs;

    @Autowired
    PolicyService policy;

    CallTestFixture f;

    private int counter;

    @Test
    void theStaffDeriveAPublishedMonthsNeedsAgainAndAnAgentIsRefused() {
        f = CallTestFixture.create("TK", directory, groups, scenarios, plans);
        var plan = f.activePlan(1);
        staff(() -> draws.draw(plan.id(), f.quarter.firstMonth().toString(), null));
        Scenario scenario = staff(() -> scenarios.get(plan.scenarios().getFirst().scenarioId()));
        String point = scenario.current().knowledgePoints().getFirst().code();
        String a1 = f.agents.get(0);
        String a2 = f.agents.get(1);
        // this month (no other test reports on it): a1 gets the first point wrong twice, a2 once
        Instant now = Instant.now();
        var first = record(plan, scenario, a1, now.minus(Duration.ofMinutes(10)), point, false);
        var second = record(plan, scenario, a1, now.minus(Duration.ofMinutes(8)), point, false);
        record(plan, scenario, a2, now.minus(Duration.ofMinutes(6)), point, false);
        String period = YearMonth.from(now.atZone(ZONE)).toString();
        var draft = staff(() -> reports.create(period));
        lead(() -> reports.publish(draft.id(), draft.version()));

        var staff = api.withToken(api.personToken(f.staff, Role.CALLTEST_STAFF));
        List<Map<String, Object>> derived = derive(staff, period);
        List<Map<String, Object>> mine = derived.stream().filter(n -> ((String) n.get("topic"))
                .contains(scenario.number())).toList();
        assertThat(mine).as("one need for the point, naming a1 only").singleElement().satisfies(n -> {
            assertThat(n.get("employeeIds")).isEqualTo(List.of(a1));
            assertThat(n.get("derived")).isEqualTo(true);
            assertThat(n.get("status")).isEqualTo("PLANNED");
            assertThat(n.get("sources")).isEqualTo(List.of(
                    Map.of("type", "TestCall", "id", first.id().toString(), "number", first.number()),
                    Map.of("type", "TestCall", "id", second.id().toString(), "number", second.number())));
        });
        // again: the same needs, none new
        assertThat(derive(staff, period).stream().map(n -> n.get("id")).toList())
                .containsExactlyInAnyOrderElementsOf(derived.stream().map(n -> n.get("id")).toList());
        String needId = (String) mine.getFirst().get("id");
        staff.documentName("deriveTrainingNeeds").operationName("reportTrainingNeeds").variable("id",
                draft.id().toString()).execute().path("callTestReport.trainingNeeds[*].id").entityList(String.class)
                .contains(needId).hasSize(derived.size());

        // done yesterday: the point's wrong rate before (a1's two calls of the month) and since (the same two)
        var need = staff(() -> needs.get(UUID.fromString(needId)));
        staff(() -> needs.markDone(need.id(), LocalDate.now(ZONE).minusDays(1), need.version()));
        var effect = staff.documentName("deriveTrainingNeeds").operationName("trainingNeedEffect")
                .variable("id", needId).execute();
        effect.path("trainingNeed.effectSeen.before").entity(Double.class).isEqualTo(100.0)
                .path("trainingNeed.effectSeen.beforeCalls").entity(Integer.class).isEqualTo(2)
                .path("trainingNeed.effectSeen.afterCalls").entity(Integer.class).isEqualTo(2)
                .path("trainingNeed.effectSeen.improved").entity(Boolean.class).isEqualTo(false)
                .path("trainingNeed.effectSeen.figure").entity(String.class).satisfies(figure -> assertThat(figure)
                        .isIn("Knowledge point answered wrong (%)", "该知识点答错率（%）"));

        code(staff.documentName("deriveTrainingNeeds").operationName("deriveTrainingNeeds")
                .variable("period", "2020-01").execute(), "REPORT_NOT_PUBLISHED");
        code(staff.documentName("deriveTrainingNeeds").operationName("deriveTrainingNeeds")
                .variable("period", "2027-13").execute(), "REPORT_PERIOD_INVALID");
        var agent = api.withToken(api.personToken(a1, Role.AGENT));
        code(agent.documentName("deriveTrainingNeeds").operationName("deriveTrainingNeeds")
                .variable("period", period).execute(), "FORBIDDEN");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> derive(GraphQlTester staff, String period) {
        return staff.documentName("deriveTrainingNeeds").operationName("deriveTrainingNeeds")
                .variable("period", period).execute().path("deriveTrainingNeeds").entityList(Object.class).get()
                .stream().map(n -> (Map<String, Object>) n).toList();
    }

    /** A spot check of the agent, recorded as called at {@code at} with the point right or wrong. */
    private TestCall record(CallTestPlan plan, Scenario scenario, String agent, Instant at, String point,
            boolean correct) {
        Instant slotAt = f.quarter.firstMonth().atDay(10).atTime(9, 0).atZone(ZONE).toInstant()
                .plusSeconds(60L * counter++);
        var withSpot = staff(() -> draws.addSpotCheck(plan.id(), new SpotCheckInput(f.team.id(), CallChannel.PHONE,
                agent, slotAt, null), null));
        Slot slot = withSpot.spotChecks().getLast();
        Map<String, Integer> answers = CallTestFixture.fullMarks(policy);
        return staff(() -> calls.record(new TestCallInput(slot.id(), new ScenarioRef(scenario.id(),
                scenario.current().revision()), at, 1, null, "告知单号", true, List.of(new KnowledgeResult(point,
                        correct)), new Communication(4, null, null, null), null, List.of(), null, null, answers),
                IdempotencyKey.NONE));
    }

    private <T> T staff(Supplier<T> work) {
        return as(f.staff, work, Role.CALLTEST_STAFF);
    }

    private <T> T lead(Supplier<T> work) {
        return as(f.lead, work, Role.CALLTEST_STAFF);
    }

    private static void code(GraphQlTester.Response response, String code) {
        response.errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", code)));
    }
}
