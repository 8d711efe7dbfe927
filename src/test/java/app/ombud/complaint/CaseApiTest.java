package app.ombud.complaint;

import static app.ombud.support.TestData.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

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

    static final String INTAKE = """
            mutation($phone: String!) { intakeCase(input: {channel: HOTLINE, customer: {name: "李女士", phone: $phone},
              subject: "宽带频繁掉线", description: "一周内掉线十余次", category: PRODUCT_QUALITY,
              flags: [CANNOT_USE, EXCHANGE_OR_RETURN_REQUESTED], compensationAsked: "500"}) {
              case { id number status version grade { level suggestedLevel matchedCriteria policyVersion }
                     deadlines { resolutionDue } timeline { action } } } }
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
                .path("intakeCase.case.status").entity(String.class).isEqualTo("NEW");
        String id = created.path("intakeCase.case.id").entity(String.class).get();
        String version = created.path("intakeCase.case.version").entity(String.class).get();

        var owner = asAdmin(() -> directory.createPerson(new app.ombud.directory.PersonInput(p + "O", "处理人",
                department.id(), team.id(), java.util.Set.of(Role.AGENT), true, "13900001111", "o@example.com")));
        api.as(Role.ADMIN).document("""
                mutation($id: UUID!, $d: UUID!, $t: UUID!, $v: Long, $o: String) { dispatchCase(input: {caseId: $id,
                  departmentId: $d, teamId: $t, ownerEmployeeId: $o, note: "部门负责人亲自处理", expectedVersion: $v}) {
                  case { status assignment { handler department { name } team { name } } } } }
                """).variable("id", id).variable("d", department.id().toString()).variable("t", team.id().toString())
                .variable("v", version).variable("o", owner.employeeId()).execute()
                .path("dispatchCase.case.status").entity(String.class).isEqualTo("DISPATCHED")
                .path("dispatchCase.case.assignment.handler").entity(String.class).isEqualTo("DEPARTMENT_HEAD")
                .path("dispatchCase.case.assignment.department.name").entity(String.class).isEqualTo("售后部" + p)
                .path("dispatchCase.case.assignment.team.name").entity(String.class).isEqualTo("二班");

        // the stale version from before the dispatch is a conflict
        api.as(Role.ADMIN).document("""
                mutation($id: UUID!, $v: Long) { acknowledgeCase(input: {caseId: $id, expectedVersion: $v}) { case { status } } }
                """).variable("id", id).variable("v", version).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "CONCURRENT_UPDATE")));

        // nested people keep their own rules: a BI reader sees the owner's name, not their phone
        api.as(Role.BI_READER).document("query($id: UUID!) { case(id: $id) { assignment { owner { name phone email } } } }")
                .variable("id", id).execute()
                .path("case.assignment.owner.name").entity(String.class).isEqualTo("处理人")
                .path("case.assignment.owner.phone").valueIsNull()
                .path("case.assignment.owner.email").valueIsNull();
        api.as(Role.ADMIN).document("query($id: UUID!) { case(id: $id) { assignment { owner { phone } } } }")
                .variable("id", id).execute()
                .path("case.assignment.owner.phone").entity(String.class).isEqualTo("13900001111");

        // BI readers find it, with the customer masked
        api.as(Role.BI_READER).document("""
                query($phone: String) { cases(filter: {customerPhone: $phone}, first: 5) {
                  edges { node { number customer { name phone } } } } }
                """).variable("phone", phone).execute()
                .path("cases.edges[0].node.customer.phone").entity(String.class)
                .isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7))
                .path("cases.edges[0].node.customer.name").entity(String.class).isEqualTo("李**");
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
        api.as(Role.AGENT).document("""
                mutation { acknowledgeCase(input: {caseId: "00000000-0000-0000-0000-000000000001"}) { case { id } } }
                """).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "CASE_NOT_FOUND")));
    }

    @Test
    void aLevel3CaseFromIntakeToArchiveThroughTheApi() {
        var p = "Q" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        var department = asAdmin(() -> directory.createDepartment(new DepartmentInput(p, "维修部" + p, null, null)));
        asAdmin(() -> directory.createPerson(new app.ombud.directory.PersonInput(p + "1", "维修工", department.id(), null,
                java.util.Set.of(Role.AGENT), true, null, null)));
        var admin = api.as(Role.ADMIN);
        var created = api.as(Role.AGENT).document("""
                mutation { intakeCase(input: {channel: ONLINE, customer: {account: "ACC-%s"}, subject: "外壳划痕",
                  category: PRODUCT_QUALITY}) { case { id grade { level } } } }
                """.formatted(p)).execute();
        created.path("intakeCase.case.grade.level").entity(Integer.class).isEqualTo(3);
        String id = created.path("intakeCase.case.id").entity(String.class).get();
        String[] steps = {
            "dispatchCase(input: {caseId: $id, departmentId: \"" + department.id() + "\"})",
            "acknowledgeCase(input: {caseId: $id})",
            "addCaseNote(input: {caseId: $id, kind: INVESTIGATION, text: \"运输途中划伤\"})",
            "planCaseResolution(input: {caseId: $id, remedies: [{type: EXCHANGE}, {type: COMPENSATION, amount: \"20\"}],"
                    + " ownerEmployeeId: \"" + p + "1\", due: \""
                    + java.time.Instant.now().plus(java.time.Duration.ofDays(7)) + "\"})",
            "sendCaseResult(input: {caseId: $id, channel: CALLBACK, result: \"已安排换货\"})",
            "recordCustomerAnswer(input: {caseId: $id, accepted: false, satisfaction: 2, comment: \"希望加急\"})",
            "sendCaseResult(input: {caseId: $id, channel: CALLBACK, result: \"已加急换货\"})",
            "recordCustomerAnswer(input: {caseId: $id, accepted: true, satisfaction: 5})",
            "archiveCase(input: {caseId: $id})"};
        String status = null;
        for (String step : steps) {
            String name = step.substring(0, step.indexOf('('));
            status = admin.document("mutation($id: UUID!) { " + step + " { case { status } } }").variable("id", id)
                    .execute().path(name + ".case.status").entity(String.class).get();
        }
        assertThat(status).isEqualTo("ARCHIVED");
        admin.document("""
                query($id: UUID!) { case(id: $id) { reworkCount plan { remedies { type amount } }
                  feedback { accepted satisfaction } timeline { action } } }
                """).variable("id", id).execute()
                .path("case.reworkCount").entity(Integer.class).isEqualTo(1)
                .path("case.plan.remedies[1].amount").entity(String.class).isEqualTo("20")
                .path("case.feedback[*].accepted").entityList(Boolean.class).containsExactly(false, true)
                .path("case.timeline[*].action").entityList(String.class)
                .satisfies(actions -> assertThat(actions).endsWith("accepted", "archived"));
    }
}
