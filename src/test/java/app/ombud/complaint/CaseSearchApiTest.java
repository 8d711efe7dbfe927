package app.ombud.complaint;

import static app.ombud.support.TestData.asAdmin;

import app.ombud.directory.DepartmentInput;
import app.ombud.directory.DirectoryService;
import app.ombud.platform.Role;
import app.ombud.support.ApiAccess;
import app.ombud.support.OmbudIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every search filter of the case list, through the API with a real token. */
@OmbudIntegrationTest
class CaseSearchApiTest {

    @Autowired
    ApiAccess api;

    @Autowired
    DirectoryService directory;

    @Autowired
    ComplaintService cases;

    @Test
    void eachFilterNarrowsTheList() {
        var p = "F" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String phone = "1880000" + String.format("%04d", System.nanoTime() % 10_000);
        var department = asAdmin(() -> directory.createDepartment(new DepartmentInput(p, "检索部" + p, null, null)));
        var admin = api.as(Role.ADMIN);
        String intake = """
                mutation($phone: String!, $subject: String!, $channel: IntakeChannel!, $category: CaseCategory!,
                  $flags: [CaseFlag!]) { intakeCase(input: {channel: $channel, customer: {phone: $phone},
                  subject: $subject, category: $category, flags: $flags}) { case { id number } } }
                """;
        String quality = admin.document(intake).variable("phone", phone).variable("subject", "路由器损坏 " + p)
                .variable("channel", "EMAIL").variable("category", "PRODUCT_QUALITY")
                .variable("flags", java.util.List.of("SAFETY_THREAT")).execute()
                .path("intakeCase.case.number").entity(String.class).get();
        String qualityId = admin.document("query($n: String) { cases(filter: {number: $n}) { edges { node { id } } } }")
                .variable("n", quality).execute().path("cases.edges[0].node.id").entity(String.class).get();
        String inquiry = admin.document(intake).variable("phone", phone).variable("subject", "资费咨询 " + p)
                .variable("channel", "HOTLINE").variable("category", "INQUIRY").variable("flags", java.util.List.of())
                .execute().path("intakeCase.case.number").entity(String.class).get();
        // dispatching makes someone responsible: a person's step, here the admin's in the portal
        asAdmin(() -> cases.dispatch(java.util.UUID.fromString(qualityId), department.id(), null, null, null, null));

        String search = "query($f: CaseFilter) { cases(filter: $f, first: 50) { edges { node { number } } } }";
        check(search, java.util.Map.of("customerPhone", phone), quality, inquiry);
        check(search, java.util.Map.of("customerPhone", phone, "level", 1), quality);
        check(search, java.util.Map.of("customerPhone", phone, "category", "INQUIRY"), inquiry);
        check(search, java.util.Map.of("customerPhone", phone, "channel", "EMAIL"), quality);
        check(search, java.util.Map.of("customerPhone", phone, "status", "DISPATCHED"), quality);
        check(search, java.util.Map.of("departmentId", department.id().toString()), quality);
        check(search, java.util.Map.of("text", "资费咨询 " + p), inquiry);
        check(search, java.util.Map.of("number", inquiry), inquiry);
        check(search, java.util.Map.of("customerPhone", phone, "from", "2000-01-01T00:00:00Z",
                "to", "2001-01-01T00:00:00Z"));
    }

    private void check(String search, java.util.Map<String, Object> filter, String... numbers) {
        api.as(Role.ADMIN).document(search).variable("f", filter).execute()
                .path("cases.edges[*].node.number").entityList(String.class)
                .satisfies(found -> org.assertj.core.api.Assertions.assertThat(found)
                        .as("filter %s", filter).containsExactlyInAnyOrder(numbers));
    }

    @Test
    void aCustomerIsFoundByTheLastDigitsAndEachCaseSaysItsSteps() {
        var fx = new CaseFixture(cases, directory, "FA");
        var dispatched = fx.dispatched();
        String last4 = fx.phone.substring(fx.phone.length() - 4);
        var agent = api.withToken(api.personToken(fx.agent, Role.AGENT));
        var found = agent.documentName("cases").variable("filter", java.util.Map.of("customer", last4))
                .variable("first", 50).execute();
        found.path("cases.edges[*].node.number").entityList(String.class).contains(dispatched.number());
        found.path("cases.edges[0].node.allowedSteps").entityList(String.class)
                .containsExactly("ACKNOWLEDGE", "ADD_NOTE", "ATTACH_EVIDENCE", "DECIDE_VALIDITY");
        // a pattern is searched for as text
        agent.documentName("cases").variable("filter", java.util.Map.of("customer", "1.*")).variable("first", 50)
                .execute().path("cases.edges").entityList(Object.class).hasSize(0);
        // BI readers may not search by the customer
        api.as(Role.BI_READER).documentName("cases").variable("filter", java.util.Map.of("customer", last4))
                .execute().errors().satisfy(errors -> org.assertj.core.api.Assertions.assertThat(errors)
                        .singleElement().satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.getExtensions())
                                .containsEntry("code", "PERSONAL_DATA_FILTER_REFUSED")
                                .containsEntry("field", "customer")));
    }

    @Test
    void anOverrideToTheSameLevelIsRefusedWithItsCode() {
        var fx = new CaseFixture(cases, directory, "FO");
        var created = fx.newCase();
        var head = api.withToken(api.personToken(fx.head, Role.DEPT_HEAD));
        head.documentName("overrideCaseLevel").variable("input", java.util.Map.of("caseId", created.id().toString(),
                "level", created.grade().level(), "reason", "确认级别")).execute()
                .errors().satisfy(errors -> org.assertj.core.api.Assertions.assertThat(errors).singleElement()
                        .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.getExtensions())
                                .containsEntry("code", "LEVEL_UNCHANGED").containsEntry("field", "level")));
        head.documentName("overrideCaseLevel").variable("input", java.util.Map.of("caseId", created.id().toString(),
                "level", 2, "reason", "大客户")).execute()
                .path("overrideCaseLevel.case.grade.level").entity(Integer.class).isEqualTo(2)
                .path("overrideCaseLevel.case.allowedSteps").entityList(String.class).contains("DISPATCH",
                        "OVERRIDE_LEVEL");
    }
}
