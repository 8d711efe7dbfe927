package app.ombud.platform.security;

import static app.ombud.support.TestData.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.directory.AccountService;
import app.ombud.directory.DepartmentInput;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.Person;
import app.ombud.directory.PersonInput;
import app.ombud.directory.TeamInput;
import app.ombud.panel.Panel;
import app.ombud.panel.PanelRequest;
import app.ombud.panel.PanelService;
import app.ombud.platform.AuditTrail;
import app.ombud.platform.PersonalAccessTokens;
import app.ombud.platform.Role;
import app.ombud.support.ApiAccess;
import app.ombud.support.OmbudIntegrationTest;
import app.ombud.support.PkceSignIn;
import app.ombud.support.TestData;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * People on the API with tokens of the built-in issuer (SPEC §7: what the portal does, the API
 * does): a person signs in through /oauth2/authorize with PKCE over HTTP, or makes a personal
 * access token, and with either files a work order and casts a panel ballot as themself. Then
 * every way such a token must stop working.
 */
@OmbudIntegrationTest
class PersonTokensTest {

    static final String PASSWORD = "Agent-pass-2026";

    @Autowired
    ApiAccess api;

    @Autowired
    DirectoryService directory;

    @Autowired
    AccountService accounts;

    @Autowired
    PanelService panels;

    @Autowired
    PersonalAccessTokens tokens;

    @Autowired
    AuditTrail audit;

    @Autowired
    ApiClientService clients;

    @Autowired
    MongoTemplate mongo;

    String p;
    String agent;
    UUID teamId;
    List<String> employeeSide;
    List<String> reviewSide;

    @BeforeEach
    void callCenter() {
        p = "PT" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        agent = p + "A";
        employeeSide = List.of(agent, p + "E2", p + "E3");
        reviewSide = List.of(p + "R1", p + "R2", p + "R3");
        asAdmin(() -> {
            var department = directory.createDepartment(new DepartmentInput("D" + p, "热线运营部" + p, null, null));
            teamId = directory.createTeam(new TeamInput("一班" + p, department.id(), null)).id();
            var person = person(agent, "李娜", department.id(), teamId, Role.AGENT);
            accounts.setPasswordForDemo(person.id(), PASSWORD);
            for (String id : employeeSide.subList(1, 3)) {
                person(id, "员工" + id, department.id(), teamId, Role.AGENT);
            }
            for (String id : reviewSide) {
                person(id, "质检" + id, null, null, Role.REVIEWER);
            }
            person("17" + p, "张伟", department.id(), teamId, Role.AGENT);
            person(p + "J", "赵丽华", null, null, Role.REVIEWER);
            // a panel is formed only while a site manager is left to decide a tie
            person(p + "M", "刘海燕", null, null, Role.SITE_MANAGER);
        });
    }

    private Person person(String id, String name, UUID departmentId, UUID team, Role... roles) {
        return directory.createPerson(new PersonInput(id, name, departmentId, team, Set.of(roles), true,
                "13900000000", null));
    }

    // ---- the sign-in with PKCE ---------------------------------------------------------------

    @Test
    void aPersonSignedInWithPkceFilesAWorkOrderAndCastsABallotAsThemself() throws Exception {
        var signIn = new PkceSignIn(api.http());
        String token = signIn.token(agent, PASSWORD);

        var claims = SignedJWT.parse(token).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo(agent);
        assertThat(claims.getStringClaim("employee_id")).isEqualTo(agent);
        assertThat(claims.getStringClaim("name")).isEqualTo("李娜");
        assertThat(claims.getStringListClaim("roles")).containsExactly("AGENT");
        assertThat(claims.getAudience()).containsExactly(PkceSignIn.CLI_CLIENT);

        var person = api.withToken(token);
        person.document("{ me { subject kind employeeId name roles } }").execute()
                .path("me.kind").entity(String.class).isEqualTo("PERSON")
                .path("me.employeeId").entity(String.class).isEqualTo(agent)
                .path("me.name").entity(String.class).isEqualTo("李娜")
                .path("me.roles").entityList(String.class).containsExactly("AGENT");
        filesAWorkOrderAndCastsABallot(person);

        var issued = asAdmin(() -> audit.page(new AuditTrail.Filter("auth.token-issued", agent, null, null, null),
                ScrollPosition.offset(), 5).stream().toList());
        assertThat(issued).as("the token's issue names the person and the client").singleElement().satisfies(e -> {
            assertThat(e.actorKind()).isEqualTo(app.ombud.platform.Actor.Kind.PERSON);
            assertThat(e.targetId()).isEqualTo(PkceSignIn.CLI_CLIENT);
        });
    }

    @Test
    void someoneSignedInToThePortalAlreadyIsNotAskedAgain() {
        var signIn = new PkceSignIn(api.http());
        signIn.code(agent, PASSWORD);

        // the same browser session: straight back to the script with a new code
        String code = signIn.codeFrom(signIn.authorize());
        signIn.swap(code, signIn.verifier()).expectStatus().isOk();
    }

    @Test
    void aWrongVerifierAndASecondSwapOfTheSameCodeAreRefused() {
        var signIn = new PkceSignIn(api.http());
        String code = signIn.code(agent, PASSWORD);

        Instant before = Instant.now();
        signIn.swap(code, new PkceSignIn(api.http()).verifier()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("invalid_grant");
        signIn.swap(code, "").expectStatus().is4xxClientError();
        assertThat(clientFailures(before)).as("the wrong verifier is audited").contains("invalid_grant");

        signIn.swap(code, signIn.verifier()).expectStatus().isOk();
        Instant swapped = Instant.now();
        signIn.swap(code, signIn.verifier()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("invalid_grant");
        assertThat(clientFailures(swapped)).as("the second swap is audited").contains("invalid_grant");
    }

    private List<String> clientFailures(Instant since) {
        return asAdmin(() -> audit.page(new AuditTrail.Filter("auth.client-failed", null, PkceSignIn.CLI_CLIENT,
                since, null), ScrollPosition.offset(), 20).stream().map(e -> e.details().get("reason")).toList());
    }

    @Test
    void aSignInTokenIsRefusedOnceThePersonIsDeactivatedOrLocked() {
        String token = new PkceSignIn(api.http()).token(agent, PASSWORD);
        assertThat(statusOfMe(token)).isEqualTo(HttpStatus.OK);

        setActive(agent, false);
        assertThat(statusOfMe(token)).as("deactivated").isEqualTo(HttpStatus.UNAUTHORIZED);
        setActive(agent, true);
        assertThat(statusOfMe(token)).as("active again").isEqualTo(HttpStatus.OK);

        mongo.updateFirst(Query.query(Criteria.where("employeeId").is(agent)),
                new Update().set("credentials.lockedUntil", Instant.now().plus(Duration.ofMinutes(15))), "people");
        assertThat(statusOfMe(token)).as("locked").isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aDeactivatedPersonGetsNoCodeAndTheClientIsToldSo() {
        var signIn = new PkceSignIn(api.http());
        signIn.code(agent, PASSWORD);
        setActive(agent, false);

        var answer = signIn.authorize();
        assertThat(answer.getStatus().value()).isEqualTo(302);
        assertThat(answer.getResponseHeaders().getLocation().toString())
                .startsWith(PkceSignIn.REDIRECT + "?error=access_denied")
                .contains("error_description=The%20person%20is%20deactivated");
    }

    @Test
    void someoneOnAnAdminsOneTimePasswordGetsNoCode() {
        String oneTime = asAdmin(() -> accounts.resetPassword(personId(agent), null));

        var answer = new PkceSignIn(api.http()).signIn(agent, oneTime);
        assertThat(answer.getResponseHeaders().getLocation().toString())
                .startsWith(PkceSignIn.REDIRECT + "?error=access_denied")
                .contains("error_description=The%20person%20must%20first%20choose%20their%20own%20password");
    }

    @Test
    void aDisabledPublicClientsTokensStopWorking() {
        String clientId = "tool-" + Long.toHexString(System.nanoTime());
        var client = asAdmin(() -> clients.createPublic(clientId, "A desktop tool",
                List.of("http://127.0.0.1/callback")));
        String token = new PkceSignIn(api.http(), clientId).token(agent, PASSWORD);
        assertThat(statusOfMe(token)).isEqualTo(HttpStatus.OK);

        asAdmin(() -> clients.setEnabled(clientId, false, client.version()));
        assertThat(statusOfMe(token)).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    // ---- personal access tokens --------------------------------------------------------------

    @Test
    void aPersonalAccessTokenFilesAWorkOrderAndCastsABallotAsThePerson() {
        // made through the API with the person's sign-in token, as a script would
        String signedIn = new PkceSignIn(api.http()).token(agent, PASSWORD);
        var made = api.withToken(signedIn).document("""
                mutation($input: CreatePersonalAccessTokenInput!) {
                  createPersonalAccessToken(input: $input) { secret token { id name roles status expiresAt } } }""")
                .variable("input", Map.of("name", "Nightly export", "expiresAt",
                        Instant.now().plus(Duration.ofDays(30)).toString(), "roles", List.of("AGENT")))
                .execute();
        String secret = made.path("createPersonalAccessToken.secret").entity(String.class).get();
        assertThat(secret).startsWith("ombud_pat_").hasSizeGreaterThan(50);
        made.path("createPersonalAccessToken.token.status").entity(String.class).isEqualTo("ACTIVE");

        var person = api.withToken(secret);
        person.document("{ me { subject kind employeeId roles } }").execute()
                .path("me.kind").entity(String.class).isEqualTo("PERSON")
                .path("me.subject").entity(String.class).isEqualTo(agent)
                .path("me.employeeId").entity(String.class).isEqualTo(agent);
        filesAWorkOrderAndCastsABallot(person);

        // listed without the token, with its last use
        var listed = person.document("{ myAccessTokens { id name roles status lastUsedAt } }").execute();
        listed.path("myAccessTokens[0].name").entity(String.class).isEqualTo("Nightly export");
        listed.path("myAccessTokens[0].lastUsedAt").entity(String.class).satisfies(at -> assertThat(at).isNotBlank());
        assertThat(mongo.getCollection("personal_access_tokens").find().into(new ArrayList<>()).toString())
                .as("the stored documents").doesNotContain(secret).doesNotContain(secret.substring(10));
    }

    @Test
    void aPersonalAccessTokenOfADeactivatedPersonIsRefused() {
        String secret = pat(Role.AGENT).secret();
        assertThat(statusOfMe(secret)).isEqualTo(HttpStatus.OK);

        setActive(agent, false);
        assertThat(statusOfMe(secret)).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(refusals(agent)).contains("person-inactive");
    }

    @Test
    void aRevokedPersonalAccessTokenIsRefusedAndTheRevocationIsAudited() {
        var issued = pat(Role.AGENT);
        assertThat(statusOfMe(issued.secret())).isEqualTo(HttpStatus.OK);

        api.withToken(issued.secret()).document("""
                mutation($id: UUID!) { revokePersonalAccessToken(input: {id: $id}) { token { status revokedAt } } }""")
                .variable("id", issued.token().id().toString()).execute()
                .path("revokePersonalAccessToken.token.status").entity(String.class).isEqualTo("REVOKED");

        assertThat(statusOfMe(issued.secret())).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(actions(issued.token().id())).contains("pat.created", "pat.revoked", "pat.refused");
        assertThat(refusals(agent)).contains("revoked");
    }

    @Test
    void anExpiredPersonalAccessTokenIsRefused() {
        var issued = pat(Role.AGENT);
        assertThat(statusOfMe(issued.secret())).isEqualTo(HttpStatus.OK);

        // its time has passed
        mongo.updateFirst(Query.query(Criteria.where("_id").is(issued.token().id())),
                new Update().set("expiresAt", Instant.now().minusSeconds(1)), "personal_access_tokens");

        assertThat(statusOfMe(issued.secret())).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(refusals(agent)).contains("expired");
        assertThat(TestData.as(agent, () -> tokens.mine(), Role.AGENT))
                .filteredOn(t -> t.id().equals(issued.token().id()))
                .singleElement().satisfies(t -> assertThat(t.status()).isEqualTo(PersonalAccessTokens.Status.EXPIRED));
    }

    @Test
    void aPersonalAccessTokenActsOnlyWithItsRolesThatThePersonStillHolds() {
        asAdmin(() -> directory.updatePerson(personId(agent), input(agent, true, Role.AGENT, Role.ADMIN), null));
        String secret = TestData.as(agent, () -> tokens.create("Agent work only", Instant.now().plus(Duration.ofDays(7)),
                Set.of(Role.AGENT)), Role.AGENT, Role.ADMIN).secret();

        var person = api.withToken(secret);
        person.document("{ me { roles } }").execute().path("me.roles").entityList(String.class).containsExactly("AGENT");
        person.document("mutation { createApiClient(input: {clientId: \"by-pat\", roles: [BI_READER]}) { secret } }")
                .execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
        person.document("{ apiClients { edges { node { clientId } } } }").execute().errors()
                .satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));

        // a role taken from the person is gone from the token at once
        asAdmin(() -> directory.updatePerson(personId(agent), input(agent, true, Role.REVIEWER), null));
        person.document("{ me { roles } }").execute().path("me.roles").entityList(String.class).hasSize(0);
    }

    @Test
    void makingAPersonalAccessTokenNeedsASignedInPersonAndOwnRolesWithinLimits() {
        var issued = pat(Role.AGENT);
        assertThat(createCode(api.withToken(issued.secret()), "again", Duration.ofDays(1), "AGENT"))
                .as("a token cannot make another").isEqualTo("PAT_NEEDS_SIGN_IN");
        assertThat(createCode(api.as(Role.AGENT), "client", Duration.ofDays(1), "AGENT"))
                .as("an API client").isEqualTo("PERSON_REQUIRED");

        var person = api.withToken(new PkceSignIn(api.http()).token(agent, PASSWORD));
        assertThat(createCode(person, "admin?", Duration.ofDays(1), "ADMIN")).isEqualTo("PAT_ROLE_NOT_HELD");
        assertThat(createCode(person, "forever", Duration.ofDays(91), "AGENT")).isEqualTo("PAT_EXPIRY_TOO_FAR");
        assertThat(createCode(person, "past", Duration.ofDays(-1), "AGENT")).isEqualTo("PAT_EXPIRY_PAST");
        assertThat(createCode(person, " ", Duration.ofDays(1), "AGENT")).isEqualTo("REQUIRED");
        assertThat(createCode(person, "x".repeat(101), Duration.ofDays(1), "AGENT")).isEqualTo("TOO_LONG");
        assertThat(createCode(person, "no roles", Duration.ofDays(1))).isEqualTo("PAT_ROLES_REQUIRED");
        assertThat(createCode(person, "fine", Duration.ofDays(90), "AGENT")).isEqualTo("OK");
    }

    @Test
    void anotherPersonsTokenCannotBeRevoked() {
        var issued = pat(Role.AGENT);
        String other = employeeSide.get(1);
        var refused = org.assertj.core.api.Assertions.catchThrowableOfType(app.ombud.platform.OmbudException.class,
                () -> TestData.as(other, () -> tokens.revoke(issued.token().id()), Role.AGENT));
        assertThat(refused.code()).isEqualTo("PAT_NOT_FOUND");
        assertThat(statusOfMe(issued.secret())).isEqualTo(HttpStatus.OK);
    }

    @Test
    void anUnknownPersonalAccessTokenIs401() {
        assertThat(statusOfMe(PersonalAccessTokenService.PREFIX + "x".repeat(43))).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** What SPEC §7 asks of a person's token: file a work order and vote on a panel as the person. */
    private void filesAWorkOrderAndCastsABallot(GraphQlTester person) {
        var order = new HashMap<String, Object>();
        order.put("callerNumber", "13812345678");
        order.put("contactNumber", "13987654321");
        order.put("complaint", "客户反映坐席态度生硬");
        order.put("demand", "要求道歉");
        order.put("demandKind", "EXPLICIT");
        order.put("accusedEmployeeId", "17" + p);
        order.put("source", "10010");
        person.document("""
                mutation($input: SubmitWorkOrderInput!) {
                  submitWorkOrder(input: $input) { review { number status workOrder { submitterEmployeeId } } } }""")
                .variable("input", Map.of("workOrder", order)).execute()
                .path("submitWorkOrder.review.workOrder.submitterEmployeeId").entity(String.class).isEqualTo(agent)
                .path("submitWorkOrder.review.number").entity(String.class).satisfies(n -> assertThat(n).isNotBlank());

        Panel panel = asAdmin(() -> panels.form(UUID.randomUUID(), new PanelRequest("Review", UUID.randomUUID(),
                "BM-TEST-" + p, "请裁决本工单的判责", employeeSide, reviewSide, Set.of("17" + p, p + "J"),
                Set.of("17" + p))));
        person.document("""
                mutation($id: UUID!) { castPanelBallot(input: {panelId: $id, choice: OVERTURN}) { receipt votedCount } }""")
                .variable("id", panel.id().toString()).execute()
                .path("castPanelBallot.votedCount").entity(Integer.class).isEqualTo(1)
                .path("castPanelBallot.receipt").entity(String.class).satisfies(r -> assertThat(r).isNotBlank());
        assertThat(TestData.as(agent, () -> panels.get(panel.id()), Role.AGENT).viewerHasVoted()).isTrue();
    }

    private PersonalAccessTokens.IssuedToken pat(Role... roles) {
        return TestData.as(agent, () -> tokens.create("Script", Instant.now().plus(Duration.ofDays(30)), Set.of(roles)),
                Role.AGENT);
    }

    private String createCode(GraphQlTester tester, String name, Duration lifetime, String... roles) {
        var response = tester.document("""
                mutation($input: CreatePersonalAccessTokenInput!) {
                  createPersonalAccessToken(input: $input) { token { id } } }""")
                .variable("input", Map.of("name", name, "expiresAt", Instant.now().plus(lifetime).toString(),
                        "roles", List.of(roles)))
                .execute();
        List<String> codes = new ArrayList<>();
        response.errors().satisfy(errors -> errors.forEach(e -> codes.add(String.valueOf(e.getExtensions().get("code")))));
        return codes.isEmpty() ? "OK" : codes.getFirst();
    }

    private UUID personId(String employeeId) {
        return asAdmin(() -> directory.personByEmployeeId(employeeId).orElseThrow().id());
    }

    private PersonInput input(String employeeId, boolean active, Role... roles) {
        Person person = asAdmin(() -> directory.personByEmployeeId(employeeId).orElseThrow());
        return new PersonInput(employeeId, person.name(), person.departmentId(), person.teamId(), Set.of(roles), active,
                person.phone(), person.email());
    }

    private void setActive(String employeeId, boolean active) {
        var roles = asAdmin(() -> directory.personByEmployeeId(employeeId).orElseThrow().roles());
        asAdmin(() -> directory.updatePerson(personId(employeeId), input(employeeId, active, roles.toArray(Role[]::new)),
                null));
    }

    private List<String> refusals(String owner) {
        return asAdmin(() -> audit.page(new AuditTrail.Filter("pat.refused", owner, null, null, null),
                ScrollPosition.offset(), 50).stream().map(e -> e.details().get("reason")).toList());
    }

    private List<String> actions(UUID tokenId) {
        return asAdmin(() -> audit.page(new AuditTrail.Filter("pat.", null, tokenId.toString(), null, null),
                ScrollPosition.offset(), 50).stream().map(AuditTrail.Entry::action).toList());
    }

    private HttpStatus statusOfMe(String token) {
        return HttpStatus.valueOf(api.http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + token)
                .bodyValue(Map.of("query", "{ me { subject } }"))
                .exchange().returnResult(String.class).getStatus().value());
    }
}
