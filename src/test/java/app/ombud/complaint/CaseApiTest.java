package app.ombud.complaint;

import static app.ombud.support.TestData.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ombud.directory.DepartmentInput;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.TeamInput;
import app.ombud.platform.Role;
import app.ombud.support.ApiAccess;
import app.ombud.support.OmbudIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@OmbudIntegrationTest
class CaseApiTest {

    @Autowired
    ApiAccess api;

    @Autowired
    DirectoryService directory;

    @Autowired
    ComplaintService cases;

    static final String INTAKE = """
            mutation($phone: String!) { intakeCase(input: {channel: HOTLINE, customer: {name: "李女士", phone: $phone},
              subject: "宽带频繁掉线", description: "一周内掉线十余次", category: PRODUCT_QUALITY,
              flags: [CANNOT_USE, EXCHANGE_OR_RETURN_REQUESTED], compensationAsked: "500"}) {
              case { id number status version grade { level suggestedLevel matchedCriteria policyVersion }
                     deadlines { resolutionDue } timeline { action note args } } } }
            """;

    @Test
    void intakeDispatchAndAcknowledgeThroughTheApi() {
        String phone = "1370000" + String.format("%04d", System.nanoTime() % 10_000);
        var p = "K" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        var department = asAdmin(() -> directory.createDepartment(new DepartmentInput(p, "售后部" + p, null, null)));
        var team = asAdmin(() -> directory.createTeam(new TeamInput("二班", department.id(), null)));

        var agent = api.as(Role.AGENT);
        var created = agent.document(INTAKE).variable("phone", phone).execute();
        created.path("intakeCase.case.grade.level").entity(Integer.class).isEqualTo(2)
                .path("intakeCase.case.grade.matchedCriteria").entityList(String.class)
                .containsExactly("L2_UNUSABLE_EXCHANGE")
                .path("intakeCase.case.status").entity(String.class).isEqualTo("NEW")
                // the grade's entry keeps codes (level, policy version, criteria), no English summary
                .path("intakeCase.case.timeline[1].action").entity(String.class).isEqualTo("graded")
                .path("intakeCase.case.timeline[1].note").valueIsNull()
                .path("intakeCase.case.timeline[1].args").entityList(String.class).hasSize(3)
                .contains("2", "L2_UNUSABLE_EXCHANGE");
        String id = created.path("intakeCase.case.id").entity(String.class).get();
        String version = created.path("intakeCase.case.version").entity(String.class).get();

        var owner = asAdmin(() -> directory.createPerson(new app.ombud.directory.PersonInput(p + "O", "处理人",
                department.id(), team.id(), java.util.Set.of(Role.AGENT), true, "13900001111", "o@example.com")));
        // dispatching makes someone responsible: an API client is refused, a person (here in the portal) does it
        String dispatch = """
                mutation($id: UUID!, $d: UUID!, $t: UUID!, $v: Long, $o: String) { dispatchCase(input: {caseId: $id,
                  departmentId: $d, teamId: $t, ownerEmployeeId: $o, note: "部门负责人亲自处理", expectedVersion: $v}) {
                  case { status } } }
                """;
        api.as(Role.ADMIN).document(dispatch).variable("id", id).variable("d", department.id().toString())
                .variable("t", team.id().toString()).variable("v", version).variable("o", owner.employeeId()).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "PERSON_REQUIRED")));
        asAdmin(() -> cases.dispatch(java.util.UUID.fromString(id), department.id(), team.id(), owner.employeeId(),
                "部门负责人亲自处理", Long.valueOf(version)));
        api.as(Role.ADMIN).document("""
                query($id: UUID!) { case(id: $id) { status assignment { handler department { name } team { name } } } }
                """).variable("id", id).execute()
                .path("case.status").entity(String.class).isEqualTo("DISPATCHED")
                .path("case.assignment.handler").entity(String.class).isEqualTo("DEPARTMENT_HEAD")
                .path("case.assignment.department.name").entity(String.class).isEqualTo("售后部" + p)
                .path("case.assignment.team.name").entity(String.class).isEqualTo("二班");

        // the stale version from before the dispatch is a conflict
        assertThatThrownBy(() -> asAdmin(() -> cases.acknowledge(java.util.UUID.fromString(id), Long.valueOf(version))))
                .isInstanceOfSatisfying(app.ombud.platform.OmbudException.class,
                        e -> assertThat(e.code()).isEqualTo("CONCURRENT_UPDATE"));

        // nested people keep their own rules: a BI reader sees the owner's name, not their phone
        api.as(Role.BI_READER).document("query($id: UUID!) { case(id: $id) { assignment { owner { name phone email } } } }")
                .variable("id", id).execute()
                .path("case.assignment.owner.name").entity(String.class).isEqualTo("处理人")
                .path("case.assignment.owner.phone").valueIsNull()
                .path("case.assignment.owner.email").valueIsNull();
        api.as(Role.ADMIN).document("query($id: UUID!) { case(id: $id) { assignment { owner { phone } } } }")
                .variable("id", id).execute()
                .path("case.assignment.owner.phone").entity(String.class).isEqualTo("13900001111");

        // BI readers read it with the customer masked, but cannot look a phone number up
        api.as(Role.BI_READER).document("query($id: UUID!) { case(id: $id) { customer { name phone } } }")
                .variable("id", id).execute()
                .path("case.customer.phone").entity(String.class)
                .isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7))
                .path("case.customer.name").entity(String.class).isEqualTo("李**");
        api.as(Role.BI_READER).document("""
                query($phone: String) { cases(filter: {customerPhone: $phone}, first: 5) { edges { node { number } } } }
                """).variable("phone", phone).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "PERSONAL_DATA_FILTER_REFUSED")
                                .containsEntry("field", "customerPhone")));
    }

    @Test
    void biReadersCannotActOnCases() {
        api.as(Role.BI_READER).document(INTAKE).variable("phone", "13900000000").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
        for (String mutation : new String[] {
                "dispatchCase(input: {caseId: \"00000000-0000-0000-0000-000000000001\", departmentId: \"00000000-0000-0000-0000-000000000002\"})",
                "overrideCaseLevel(input: {caseId: \"00000000-0000-0000-0000-000000000001\", level: 1, reason: \"x\"})"}) {
            api.as(Role.BI_READER).document("mutation { " + mutation + " { case { id } } }").execute()
                    .errors().satisfy(errors -> assertThat(errors).singleElement()
                            .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
        }
        // an agent's API client names no person, so it handles no case
        api.as(Role.AGENT).document("""
                mutation { acknowledgeCase(input: {caseId: "00000000-0000-0000-0000-000000000001"}) { case { id } } }
                """).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "PERSON_REQUIRED")));
    }
}
