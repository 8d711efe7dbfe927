package app.ombud.escalation;

import static app.ombud.support.TestData.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.directory.DepartmentInput;
import app.ombud.directory.DirectoryService;
import app.ombud.platform.Role;
import app.ombud.support.ApiAccess;
import app.ombud.support.OmbudIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@OmbudIntegrationTest
class EscalationApiTest {

    @Autowired
    ApiAccess api;

    @Autowired
    DirectoryService directory;

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
        admin.document("mutation($id: UUID!, $d: UUID!) { dispatchCase(input: {caseId: $id, departmentId: $d}) { case { id } } }")
                .variable("id", caseId).variable("d", department.id().toString()).execute();

        var raised = admin.document("""
                mutation($id: UUID!) { raiseEscalation(input: {caseId: $id, trigger: CROSS_DEPARTMENT, form: {
                  situation: "物流与售后均涉及", progress: "两次协调未果", whyUnsolved: "跨部门", proposal: "中心牵头"}}) {
                  escalation { id number status toDepartment { name } fromDepartment { name } } } }
                """).variable("id", caseId).execute();
        raised.path("raiseEscalation.escalation.status").entity(String.class).isEqualTo("SUBMITTED")
                .path("raiseEscalation.escalation.toDepartment.name").entity(String.class).isEqualTo("服务中心" + p)
                .path("raiseEscalation.escalation.fromDepartment.name").entity(String.class).isEqualTo("物流部" + p);
        String id = raised.path("raiseEscalation.escalation.id").entity(String.class).get();

        String review = "mutation($id: UUID!) { reviewEscalation(input: {id: $id, approve: true, reason: \"同意\"}) "
                + "{ escalation { status } } }";
        api.as(Role.BI_READER).document(review).variable("id", id).execute().errors().satisfy(errors ->
                assertThat(errors).singleElement().satisfies(e -> assertThat(e.getExtensions())
                        .containsEntry("code", "NOT_SUPERIOR_REVIEWER")));
        api.as(Role.AGENT).document(review).variable("id", id).execute().errors().satisfy(errors ->
                assertThat(errors).singleElement().satisfies(e -> assertThat(e.getExtensions())
                        .containsEntry("code", "ESCALATION_NOT_FOUND")));
        admin.document(review).variable("id", id).execute()
                .path("reviewEscalation.escalation.status").entity(String.class).isEqualTo("APPROVED");
        admin.document("query($id: UUID!) { case(id: $id) { escalation { number } timeline { action } } }")
                .variable("id", caseId).execute()
                .path("case.escalation.number").entity(String.class).satisfies(n -> assertThat(n).startsWith("SJ-"));
    }
}
