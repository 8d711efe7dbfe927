package app.ombud.improvement;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.directory.DirectoryService;
import app.ombud.platform.Role;
import app.ombud.policy.PolicyService;
import app.ombud.support.ApiAccess;
import app.ombud.support.OmbudIntegrationTest;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Improvement actions through the API with real tokens per role (operations in
 * {@code graphql-test/}): who sees an action, who takes which step, bad input with its code and
 * field, and a conflict on a stale version.
 */
@OmbudIntegrationTest
class ImprovementApiTest {

    @Autowired
    ApiAccess api;

    @Autowired
    ImprovementService improvements;

    @Autowired
    DirectoryService directory;

    @Autowired
    PolicyService policy;

    @Autowired
    Clock clock;

    ImprovementFixture f;

    @BeforeEach
    void setUp() {
        f = ImprovementFixture.create("IA", directory, improvements, policy, clock);
    }

    GraphQlTester person(String employeeId, Role... roles) {
        return api.withToken(api.personToken(employeeId, roles));
    }

    Map<String, Object> raiseInput(String title) {
        Map<String, Object> input = new HashMap<>();
        input.put("source", "REVIEW_VERDICT");
        input.put("sourceRef", Map.of("type", "Review", "number", "BM-" + f.p));
        input.put("title", title);
        input.put("description", "坐席解释不清，判定成立");
        input.put("departmentId", f.service.id().toString());
        input.put("ownerEmployeeId", f.owner);
        return input;
    }

    @Test
    void whoSeesAnActionAndWhoTakesItsSteps() {
        var raiser = person(f.raiser, Role.REVIEWER);
        String id = raiser.documentName("raiseImprovementAction").variable("input", raiseInput("解释规范")).execute()
                .path("raiseImprovementAction.action.status").entity(String.class).isEqualTo("OPEN")
                .path("raiseImprovementAction.action.allowedSteps").entityList(String.class).containsExactly("CANCEL")
                .path("raiseImprovementAction.action.id").entity(String.class).get();

        // seen by the raiser, the owner, both departments' heads, leadership, admins and BI readers
        var owner = person(f.owner, Role.AGENT);
        assertThat(steps(owner, id)).containsExactly("REPORT_PROGRESS");
        assertThat(steps(person(f.ownerHead, Role.DEPT_HEAD), id)).isEmpty();
        assertThat(steps(person(f.raiserHead, Role.DEPT_HEAD), id)).containsExactly("CANCEL");
        assertThat(steps(person(f.leader, Role.LEADERSHIP), id)).containsExactly("CANCEL");
        assertThat(steps(api.as(Role.ADMIN), id)).isEmpty();
        api.as(Role.BI_READER).documentName("improvementAction").variable("id", id).execute()
                .path("improvementAction.department.name").entity(String.class).isEqualTo("客服部" + f.p);
        // not by an agent of another department, nor by the test-call group for an action from a review
        notFound(person(f.stranger, Role.AGENT), id);
        notFound(person(f.colleague, Role.AGENT), id);
        notFound(person(f.group, Role.CALLTEST_STAFF), id);
        // the group sees those from test calls
        var weak = f.fromWeakSpot("首问解决");
        assertThat(steps(person(f.group, Role.CALLTEST_STAFF), weak.id().toString())).containsExactly("CANCEL");
        assertThat(ids(person(f.group, Role.CALLTEST_STAFF), "ALL")).contains(weak.id().toString())
                .doesNotContain(id);
        assertThat(ids(person(f.ownerHead, Role.DEPT_HEAD), "DEPARTMENT")).contains(id, weak.id().toString());
        assertThat(ids(owner, "MINE")).contains(id, weak.id().toString());
        assertThat(ids(person(f.stranger, Role.AGENT), "ALL")).doesNotContain(id, weak.id().toString());

        // only the owner reports; the raiser's side verifies, never the owner
        code(raiser.documentName("reportImprovementProgress").variable("input", Map.of("id", id, "text", "x"))
                .execute(), "IMPROVEMENT_NOT_OWNER", null);
        owner.documentName("reportImprovementProgress").variable("input", Map.of("id", id, "text", "已培训"))
                .execute().path("reportImprovementProgress.action.status").entity(String.class).isEqualTo("IN_PROGRESS");
        owner.documentName("submitImprovementAction").variable("input", Map.of("id", id, "summary", "已完成"))
                .execute().path("submitImprovementAction.action.status").entity(String.class)
                .isEqualTo("SUBMITTED_FOR_VERIFICATION");
        code(owner.documentName("verifyImprovementAction").variable("input", Map.of("id", id, "effective", true))
                .execute(), "IMPROVEMENT_VERIFY_BY_OWNER", null);
        code(person(f.ownerHead, Role.DEPT_HEAD).documentName("verifyImprovementAction")
                .variable("input", Map.of("id", id, "effective", true)).execute(), "IMPROVEMENT_NOT_RAISER_SIDE", null);
        code(raiser.documentName("verifyImprovementAction").variable("input", Map.of("id", id, "effective", false))
                .execute(), "REQUIRED", "reason");
        raiser.documentName("verifyImprovementAction").variable("input", Map.of("id", id, "effective", false,
                "reason", "抽查仍不规范")).execute()
                .path("verifyImprovementAction.action.status").entity(String.class).isEqualTo("IN_PROGRESS")
                .path("verifyImprovementAction.action.reopenCount").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void raisingIsForPeopleAndBadInputNamesItsField() {
        code(api.as(Role.BI_READER).documentName("raiseImprovementAction").variable("input", raiseInput("a")).execute(),
                "FORBIDDEN", null);
        code(api.as(Role.ADMIN).documentName("raiseImprovementAction").variable("input", raiseInput("a")).execute(),
                "PERSON_REQUIRED", null);
        var raiser = person(f.raiser, Role.REVIEWER);
        var input = raiseInput("错误");
        input.put("ownerEmployeeId", f.raiser);
        code(raiser.documentName("raiseImprovementAction").variable("input", input).execute(),
                "IMPROVEMENT_OWNER_NOT_IN_DEPARTMENT", "ownerEmployeeId");
        input = raiseInput("错误");
        input.put("dueDate", "2020-01-06");
        code(raiser.documentName("raiseImprovementAction").variable("input", input).execute(), "DUE_DATE_IN_PAST",
                "dueDate");
        input = raiseInput("错误");
        input.put("dueDate", f.dayOffAhead(2).toString());
        code(raiser.documentName("raiseImprovementAction").variable("input", input).execute(),
                "DUE_DATE_NOT_WORKING_DAY", "dueDate");
        input = raiseInput("");
        code(raiser.documentName("raiseImprovementAction").variable("input", input).execute(), "REQUIRED", "title");
        input = raiseInput("错误");
        input.remove("sourceRef");
        code(raiser.documentName("raiseImprovementAction").variable("input", input).execute(),
                "IMPROVEMENT_SOURCE_REQUIRED", "sourceRef");
        assertThat(ids(raiser, "MINE")).isEmpty();
    }

    @Test
    void twoStepsOnTheSameReadGiveTheSecondAConflict() {
        var action = f.raised("并发");
        var owner = person(f.owner, Role.AGENT);
        long version = owner.documentName("improvementAction").variable("id", action.id().toString()).execute()
                .path("improvementAction.version").entity(Long.class).get();
        owner.documentName("reportImprovementProgress").variable("input", Map.of("id", action.id().toString(),
                "text", "第一条", "expectedVersion", version)).execute()
                .path("reportImprovementProgress.action.version").entity(Long.class).isEqualTo(version + 1);
        code(owner.documentName("reportImprovementProgress").variable("input", Map.of("id", action.id().toString(),
                "text", "第二条", "expectedVersion", version)).execute(), "CONCURRENT_UPDATE", null);
        owner.documentName("improvementAction").variable("id", action.id().toString()).execute()
                .path("improvementAction.version").entity(Long.class).isEqualTo(version + 1);
    }

    @Test
    void retestsAreRecordedByTheTestCallGroupOnly() {
        var weak = f.fromWeakSpot("复测");
        var input = Map.of("actionId", weak.id().toString(), "testCallRef", "TC-" + f.p, "passed", true);
        code(person(f.owner, Role.AGENT).documentName("recordImprovementRetest").variable("input", input).execute(),
                "FORBIDDEN", null);
        person(f.group, Role.CALLTEST_STAFF).documentName("recordImprovementRetest").variable("input", input).execute()
                .path("recordImprovementRetest.action.retest.results[0].passed").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void trainingNeedsAreRecordedByTheGroupAndReadByThePeopleNamed() {
        String id = person(f.group, Role.CALLTEST_STAFF).documentName("createTrainingNeed").variable("input",
                Map.of("topic", "投诉处理话术", "employeeIds", List.of(f.owner),
                        "sources", List.of(Map.of("type", "TestCall", "number", "TC-" + f.p)))).execute()
                .path("createTrainingNeed.trainingNeed.status").entity(String.class).isEqualTo("PLANNED")
                .path("createTrainingNeed.trainingNeed.id").entity(String.class).get();
        code(person(f.owner, Role.AGENT).documentName("createTrainingNeed").variable("input",
                Map.of("topic", "x", "employeeIds", List.of(f.owner))).execute(), "FORBIDDEN", null);
        assertThat(person(f.owner, Role.AGENT).documentName("trainingNeeds").execute()
                .path("trainingNeeds.edges[*].node.id").entityList(String.class).get()).contains(id);
        assertThat(person(f.stranger, Role.AGENT).documentName("trainingNeeds").execute()
                .path("trainingNeeds.edges[*].node.id").entityList(String.class).get()).doesNotContain(id);
    }

    private static List<String> steps(GraphQlTester caller, String id) {
        return caller.documentName("improvementAction").variable("id", id).execute()
                .path("improvementAction.allowedSteps").entityList(String.class).get();
    }

    private static List<String> ids(GraphQlTester caller, String scope) {
        return caller.documentName("improvementActions").variable("scope", scope).execute()
                .path("improvementActions.edges[*].node.id").entityList(String.class).get();
    }

    private static void notFound(GraphQlTester caller, String id) {
        code(caller.documentName("improvementAction").variable("id", id).execute(), "IMPROVEMENT_NOT_FOUND", null);
    }

    private static void code(GraphQlTester.Response response, String code, String field) {
        response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.getExtensions()).containsEntry("code", code);
            if (field != null) {
                assertThat(e.getExtensions()).containsEntry("field", field);
            }
        }));
    }
}
