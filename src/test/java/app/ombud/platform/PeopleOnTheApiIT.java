package app.ombud.platform;

import static app.ombud.support.TestData.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import app.ombud.directory.DepartmentInput;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.PersonInput;
import app.ombud.support.ApiAccess;
import app.ombud.support.CompanyIdp;
import app.ombud.support.OmbudIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * People on the API behind the company IdP (mock-oauth2-server): its role names become Ombud
 * roles through the configured mapping, matched exactly; a token naming a person
 * ({@code employee_id}) takes the steps of people — dispatch and handling, evidence, escalations —
 * and the timeline names that person, while a token of the same roles naming no person (a client)
 * is refused each of them with PERSON_REQUIRED. Its own JVM (failsafe): an external issuer.
 */
@OmbudIntegrationTest
@TestPropertySource(properties = {
    "ombud.security.roles-claim=groups",
    "ombud.security.role-mapping[Ombud.Admins]=ADMIN",
    "ombud.security.role-mapping.cc-agents=AGENT",
    "ombud.security.role-mapping.cc-bi=BI_READER"
})
class PeopleOnTheApiIT {

    private static final CompanyIdp IDP = new CompanyIdp("callcenter");

    @DynamicPropertySource
    static void externalIssuer(DynamicPropertyRegistry registry) {
        IDP.configure(registry);
    }

    @AfterAll
    static void stopIdp() {
        IDP.shutdown();
    }

    @Autowired
    ApiAccess api;

    @Autowired
    DirectoryService directory;

    String p;
    String departmentId;
    String adminSubject;
    String personToken;
    String clientToken;

    @BeforeEach
    void callCenter() {
        p = "PP" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        var superior = asAdmin(() -> directory.createDepartment(new DepartmentInput(p + "S", "服务中心" + p, null, null)));
        departmentId = asAdmin(() -> directory.createDepartment(new DepartmentInput(p, "维修部" + p, superior.id(),
                null))).id().toString();
        asAdmin(() -> {
            directory.createPerson(new PersonInput(p + "AD", "李雷", null, null, Set.of(Role.ADMIN), true, null, null));
            return directory.createPerson(new PersonInput(p + "1", "维修工", java.util.UUID.fromString(departmentId),
                    null, Set.of(Role.AGENT), true, null, null));
        });
        adminSubject = "li.lei." + p.toLowerCase();
        personToken = IDP.token(adminSubject, Map.of("groups", List.of("Ombud.Admins"), "employee_id", p + "AD",
                "name", "李雷"));
        clientToken = IDP.token("crm-" + p.toLowerCase(), Map.of("groups", List.of("Ombud.Admins"), "name", "CRM"));
    }

    @Test
    void theIdpsRoleNamesCountOnlyThroughTheMappingAndExactlyAsWritten() {
        String token = IDP.token("han." + p, Map.of("groups", List.of("Ombud.Admins", "ombud.admins", "OMBUD.ADMINS",
                "ADMIN", "cc-agents", "CC-Agents", "some-other-group"), "employee_id", p + "1"));

        api.withToken(token).document("{ me { kind roles } }").execute()
                .path("me.kind").entity(String.class).isEqualTo("PERSON")
                .path("me.roles").entityList(String.class)
                .satisfies(roles -> assertThat(roles).containsExactlyInAnyOrder("ADMIN", "AGENT"));
        api.withToken(IDP.token("wrong." + p, Map.of("groups", List.of("ombud.admins", "ADMIN", "Cc-Bi"))))
                .document("{ me { kind roles } }").execute()
                .path("me.kind").entity(String.class).isEqualTo("CLIENT")
                .path("me.roles").entityList(String.class).hasSize(0);
    }

    @Test
    void aPersonTakesACaseFromDispatchToArchiveAndAClientNamingNoPersonIsRefusedEachStep() {
        GraphQlTester client = api.withToken(clientToken);
        GraphQlTester person = api.withToken(personToken);
        // taking a complaint in from a channel is open to a client
        String id = client.document("""
                mutation { intakeCase(input: {channel: ONLINE, customer: {account: "ACC-%s"}, subject: "外壳划痕",
                  category: PRODUCT_QUALITY}) { case { id grade { level } } } }
                """.formatted(p)).execute().path("intakeCase.case.id").entity(String.class).get();
        String[] steps = {
            "dispatchCase(input: {caseId: $id, departmentId: \"" + departmentId + "\"})",
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
            String document = "mutation($id: UUID!) { " + step + " { case { status } } }";
            if (!name.equals("archiveCase")) {
                refused(client.document(document).variable("id", id).execute(), "PERSON_REQUIRED");
            }
            status = person.document(document).variable("id", id).execute()
                    .path(name + ".case.status").entity(String.class).get();
        }
        assertThat(status).isEqualTo("ARCHIVED");

        person.document("""
                query($id: UUID!) { case(id: $id) { reworkCount plan { remedies { type amount } }
                  feedback { accepted satisfaction } timeline { actor actorName action } } }
                """).variable("id", id).execute()
                .path("case.reworkCount").entity(Integer.class).isEqualTo(1)
                .path("case.plan.remedies[1].amount").entity(String.class).isEqualTo("20")
                .path("case.feedback[*].accepted").entityList(Boolean.class).containsExactly(false, true)
                .path("case.timeline[*].action").entityList(String.class)
                .satisfies(actions -> assertThat(actions).endsWith("accepted", "archived"))
                // every step after the intake (and its grading) names the person who took it, never a client
                .path("case.timeline").entityList(Map.class).satisfies(timeline -> {
                    assertThat(timeline).hasSizeGreaterThan(steps.length);
                    assertThat(timeline.subList(0, 2)).extracting(e -> e.get("action"), e -> e.get("actor"))
                            .containsExactly(tuple("intake", "crm-" + p.toLowerCase()),
                                    tuple("graded", "crm-" + p.toLowerCase()));
                    assertThat(timeline.subList(2, timeline.size())).allSatisfy(e -> assertThat(e)
                            .containsEntry("actor", adminSubject).containsEntry("actorName", "李雷"));
                });
    }

    @Test
    void evidenceIsUploadedByAPersonNotByAClient() {
        String id = api.withToken(personToken).document("""
                mutation { intakeCase(input: {channel: OFFLINE, customer: {phone: "13512345678"}, subject: "检测报告",
                  category: PRODUCT_QUALITY}) { case { id } } }
                """).execute().path("intakeCase.case.id").entity(String.class).get();

        upload(clientToken, id, "检测报告.txt").expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("PERSON_REQUIRED");
        upload(personToken, id, "setup.exe").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("EVIDENCE_TYPE_NOT_ALLOWED");
        upload(personToken, id, "检测报告.txt").expectStatus().isOk()
                .expectBody().jsonPath("$.evidence[0].filename").isEqualTo("检测报告.txt")
                .jsonPath("$.evidence[0].uploadedBy").isEqualTo(adminSubject);
    }

    @Test
    void escalationsAreRaisedAndReviewedByPeople() {
        GraphQlTester client = api.withToken(clientToken);
        GraphQlTester person = api.withToken(personToken);
        String caseId = client.document("""
                mutation { intakeCase(input: {channel: EMAIL, customer: {account: "ACC-%s"}, subject: "配送延误影响开业",
                  category: DELIVERY_DELAY, flags: [BUSINESS_BADLY_HURT]}) { case { id } } }
                """.formatted(p)).execute().path("intakeCase.case.id").entity(String.class).get();
        person.document("mutation($id: UUID!, $d: UUID!) { dispatchCase(input: {caseId: $id, departmentId: $d}) "
                + "{ case { status } } }").variable("id", caseId).variable("d", departmentId).execute()
                .path("dispatchCase.case.status").entity(String.class).isEqualTo("DISPATCHED");
        String raise = """
                mutation($id: UUID!) { raiseEscalation(input: {caseId: $id, trigger: CROSS_DEPARTMENT, form: {
                  situation: "物流与售后均涉及", progress: "两次协调未果", whyUnsolved: "跨部门", proposal: "中心牵头"}}) {
                  escalation { id status raisedBy } } }
                """;

        refused(client.document(raise).variable("id", caseId).execute(), "PERSON_REQUIRED");
        var raised = person.document(raise).variable("id", caseId).execute();
        // records keep the person by employee ID (Actor.key), not by the token's subject
        raised.path("raiseEscalation.escalation.raisedBy").entity(String.class).isEqualTo(p + "AD");
        String id = raised.path("raiseEscalation.escalation.id").entity(String.class).get();
        String review = "mutation($id: UUID!) { reviewEscalation(input: {id: $id, approve: true, reason: \"同意\"}) "
                + "{ escalation { status } } }";
        refused(client.document(review).variable("id", id).execute(), "PERSON_REQUIRED");
        person.document(review).variable("id", id).execute()
                .path("reviewEscalation.escalation.status").entity(String.class).isEqualTo("APPROVED");
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec upload(String token, String caseId,
            String filename) {
        var body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource("检测结论：主板故障".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        return api.http().post().uri("/api/cases/{id}/evidence", caseId).header("Authorization", "Bearer " + token)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(body.build()))
                .exchange();
    }

    private static void refused(GraphQlTester.Response response, String code) {
        response.errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", code)));
    }
}
