package app.ombud.calltest;

import static app.ombud.support.TestData.as;
import static app.ombud.support.TestData.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.directory.DirectoryService;
import app.ombud.directory.PersonInput;
import app.ombud.improvement.TrainingNeeds;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.Role;
import app.ombud.policy.PolicyService;
import app.ombud.support.ApiAccess;
import app.ombud.support.OmbudIntegrationTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * {@code testCallAppraisal} with real person tokens: the person and their team lead read a
 * published period (a month long past, see {@link AppraisalsTest} for why), another team's lead
 * and another agent are refused; the staff read the unpublished previous quarter with its call,
 * a team lead is refused it.
 */
@OmbudIntegrationTest
class AppraisalApiTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String QUERY = """
            query($employeeId: String!, $period: String!) {
              testCallAppraisal(employeeId: $employeeId, period: $period) {
                employeeId name period published moreResults
                measures { measure n mean threshold meetsThreshold }
                results { number channel score measures { measure value } }
                trainingNeeds { id topic }
              }
            }""";

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

    @Test
    void thePersonAndTheirTeamLeadReadAPublishedPeriodOthersAreRefused() {
        f = CallTestFixture.create("AQ", directory, groups, scenarios, plans);
        var plan = f.activePlan(1);
        staff(() -> draws.draw(plan.id(), f.quarter.firstMonth().toString(), null));
        Scenario scenario = staff(() -> scenarios.get(plan.scenarios().getFirst().scenarioId()));
        String a1 = f.agents.get(0);
        String a2 = f.agents.get(1);
        String teamLead = f.p + "T1";
        String otherLead = f.p + "T2";
        asAdmin(() -> {
            directory.createPerson(new PersonInput(teamLead, "组长" + f.p, f.department.id(), f.team.id(),
                    Set.of(Role.TEAM_LEAD), true, null, null));
            directory.createPerson(new PersonInput(otherLead, "空组组长" + f.p, f.department.id(), f.empty.id(),
                    Set.of(Role.TEAM_LEAD), true, null, null));
        });
        Quarter previous = Quarter.of(LocalDate.now(ZONE).withDayOfMonth(1).minusMonths(3));
        var call = record(plan, scenario, a1, previous.lastDay().atTime(23, 0).atZone(ZONE).toInstant(), 2);

        String past = YearMonth.now(ZONE).minusMonths(45).toString();
        var draft = staff(() -> reports.create(past));
        lead(() -> reports.publish(draft.id(), draft.version()));
        var need = staff(() -> needs.derive("calltest/" + past + "/test/" + f.p, "考核" + f.p, List.of(a1),
                List.of())).orElseThrow();

        for (var reader : List.of(api.personToken(a1, Role.AGENT), api.personToken(teamLead, Role.TEAM_LEAD))) {
            var read = appraisal(reader, a1, past);
            read.path("testCallAppraisal.published").entity(Boolean.class).isEqualTo(true)
                    .path("testCallAppraisal.name").entity(String.class).isEqualTo("坐席" + a1)
                    .path("testCallAppraisal.period").entity(String.class).isEqualTo(past)
                    .path("testCallAppraisal.results").entityList(Object.class).hasSize(0)
                    .path("testCallAppraisal.trainingNeeds[*].id").entityList(String.class)
                    .containsExactly(need.id().toString());
        }
        code(appraisal(api.personToken(otherLead, Role.TEAM_LEAD), a1, past), "APPRAISAL_NOT_ALLOWED");
        code(appraisal(api.personToken(a2, Role.AGENT), a1, past), "APPRAISAL_NOT_ALLOWED");
        code(appraisal(api.personToken(teamLead, Role.TEAM_LEAD), a1, previous.toString()), "RESULTS_NOT_PUBLISHED");
        code(appraisal(api.personToken(a1, Role.AGENT), a1, "2026-13"), "REPORT_PERIOD_INVALID");

        var staff = appraisal(api.personToken(f.staff, Role.CALLTEST_STAFF), a1, previous.toString());
        staff.path("testCallAppraisal.published").entity(Boolean.class).isEqualTo(false)
                .path("testCallAppraisal.results[*].number").entityList(String.class).containsExactly(call.number())
                .path("testCallAppraisal.moreResults").entity(Boolean.class).isEqualTo(false);
        List<Map<String, Object>> measures = staff.path("testCallAppraisal.measures")
                .entity(new org.springframework.core.ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).get();
        assertThat(measures).filteredOn(m -> "RINGS_BEFORE_ANSWER".equals(m.get("measure"))).singleElement()
                .satisfies(m -> {
                    assertThat(m.get("n")).isEqualTo(1);
                    assertThat(((Number) m.get("mean")).doubleValue()).isEqualTo(2.0);
                });
    }

    private GraphQlTester.Response appraisal(String token, String employeeId, String period) {
        return api.withToken(token).document(QUERY).variable("employeeId", employeeId).variable("period", period)
                .execute();
    }

    private TestCall record(CallTestPlan plan, Scenario scenario, String agent, Instant at, int rings) {
        Instant slotAt = f.quarter.firstMonth().atDay(10).atTime(9, 0).atZone(ZONE).toInstant();
        var withSpot = staff(() -> draws.addSpotCheck(plan.id(), new SpotCheckInput(f.team.id(), CallChannel.PHONE,
                agent, slotAt, null), null));
        Slot slot = withSpot.spotChecks().getLast();
        Map<String, Integer> answers = new LinkedHashMap<>();
        policy.current().content().scorecard().items().forEach(i -> answers.put(i.code(), i.scale().max()));
        return staff(() -> calls.record(new TestCallInput(slot.id(), new ScenarioRef(scenario.id(),
                scenario.current().revision()), at, rings, null, "告知单号", true, List.of(),
                new Communication(4, null, null, null), null, List.of(), null, null, answers), IdempotencyKey.NONE));
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
