package app.ombud.escalation;

import static app.ombud.support.TestData.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.complaint.ComplaintService;
import app.ombud.directory.DepartmentInput;
import app.ombud.directory.DirectoryService;
import app.ombud.platform.Role;
import app.ombud.policy.PolicyService;
import app.ombud.support.ApiAccess;
import app.ombud.support.OmbudIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@OmbudIntegrationTest
class EscalationApiTest {

    @Autowired
    ApiAccess api;

    @Autowired
    DirectoryService directory;

    @Autowired
    ComplaintService cases;

    @Autowired
    EscalationService escalations;

    @Autowired
    PolicyService policies;

    @Test
    void raiseAndReviewThroughTheApiWithRoleChecks() {
        var p = "G" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        var superior = asAdmin(() -> directory.createDepartment(new DepartmentInput(p + "S", "服务中心" + p, null, null)));
        var department = asAdmin(() -> directory.createDepartment(
                new DepartmentInput(p + "D", "物流部" + p, superior.id(), null)));
        var admin = api.as(Role.ADMIN);
        String caseId = admin.document("""
                mutation { intakeCase(input: {channel: EMAIL, customer: {account: "ACC-%s"}, subject: "配送延误影响开业",
                  category: DELIVERY_DELAY, flags: [BUSINESS_BADLY_HURT]}) { case { id } } }
                """.formatted(p)).execute().path("intakeCase.case.id").entity(String.class).get();
        asAdmin(() -> cases.dispatch(UUID.fromString(caseId), department.id(), null, null, null, null));

        String raise = """
                mutation($id: UUID!) { raiseEscalation(input: {caseId: $id, trigger: CROSS_DEPARTMENT, form: {
                  situation: "物流与售后均涉及，客户电话 13912345678", progress: "两次协调未果", whyUnsolved: "跨部门",
                  proposal: "中心牵头"}}) { escalation { id } } }
                """;
        // raising speaks for the case's handlers: BI readers are refused by role, API clients for naming no person
        code(api.as(Role.BI_READER).document(raise).variable("id", caseId).execute(), "FORBIDDEN");
        code(admin.document(raise).variable("id", caseId).execute(), "PERSON_REQUIRED");
        var raised = asAdmin(() -> escalations.raise(UUID.fromString(caseId), EscalationTrigger.CROSS_DEPARTMENT,
                new EscalationForm("物流与售后均涉及，客户电话 13912345678", "两次协调未果", "跨部门", "中心牵头")));
        String id = raised.id().toString();
        admin.document("query($id: UUID!) { escalation(id: $id) { status toDepartment { name } fromDepartment { name } } }")
                .variable("id", id).execute()
                .path("escalation.status").entity(String.class).isEqualTo("SUBMITTED")
                .path("escalation.toDepartment.name").entity(String.class).isEqualTo("服务中心" + p)
                .path("escalation.fromDepartment.name").entity(String.class).isEqualTo("物流部" + p);
        // a BI reader reads it with the customer's number masked in the form
        api.as(Role.BI_READER).document("query($id: UUID!) { escalation(id: $id) { form { situation } } }")
                .variable("id", id).execute()
                .path("escalation.form.situation").entity(String.class).isEqualTo("物流与售后均涉及，客户电话 139****5678");

        String review = "mutation($id: UUID!) { reviewEscalation(input: {id: $id, approve: true, reason: \"同意\"}) "
                + "{ escalation { status } } }";
        code(api.as(Role.BI_READER).document(review).variable("id", id).execute(), "FORBIDDEN");
        code(api.as(Role.AGENT).document(review).variable("id", id).execute(), "FORBIDDEN");
        code(admin.document(review).variable("id", id).execute(), "PERSON_REQUIRED");
        asAdmin(() -> escalations.review(raised.id(), true, "同意", null));
        admin.document("query($id: UUID!, $e: UUID!) { case(id: $id) { escalation { number } } escalation(id: $e) { status } }")
                .variable("id", caseId).variable("e", id).execute()
                .path("case.escalation.number").entity(String.class).satisfies(n -> assertThat(n).startsWith("SJ-"))
                .path("escalation.status").entity(String.class).isEqualTo("APPROVED");
    }

    @Test
    void thePolicysDefaultEscalationDepartmentMustExist() {
        api.as(Role.ADMIN).document("""
                mutation($v: Int!, $d: UUID!) { updateOperationsTargets(input: {basedOnVersion: $v,
                  targets: {callsPerAgentPerDay: 70, commonQuestionMinutes: 5, occupancyMin: "69", occupancyMax: "74",
                  onSiteHoursContract: 24, onSiteHoursOther: 48, escalationApprovalWorkingDays: 2,
                  escalationDepartmentId: $d}}) { policy { number } } }
                """).variable("v", policies.current().number()).variable("d", UUID.randomUUID().toString()).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> assertThat(
                        e.getExtensions()).containsEntry("code", "DEPARTMENT_NOT_FOUND")
                        .containsEntry("field", "escalationDepartmentId")));
    }

    private static void code(org.springframework.graphql.test.tester.GraphQlTester.Response response, String code) {
        response.errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", code)));
    }
}
