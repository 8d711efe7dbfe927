package app.ombud.platform;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.directory.DirectoryService;
import app.ombud.directory.PersonInput;
import app.ombud.support.ApiAccess;
import app.ombud.support.CompanyIdp;
import app.ombud.support.OmbudIntegrationTest;
import app.ombud.support.TestData;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Ombud behind a company identity provider (here mock-oauth2-server): configuration only, the
 * roles read from a configurable claim ({@code groups}), and the built-in issuer switched off.
 * Runs in its own JVM (failsafe), since the shared test context uses the built-in issuer.
 */
@OmbudIntegrationTest
@TestPropertySource(properties = "ombud.security.roles-claim=groups")
class ExternalIssuerIT {

    private static final CompanyIdp IDP = new CompanyIdp("ombud");

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
    ApplicationContext context;

    @Autowired
    DirectoryService directory;

    @Test
    void anAdminOfTheIdpIsAnAdminHere() {
        String token = IDP.token("li.lei", Map.of("groups", List.of("ADMIN", "some-other-group"),
                "name", "Li Lei"));

        api.withToken(token).document("{ me { subject name kind roles } }").execute()
                .path("me.subject").entity(String.class).isEqualTo("li.lei")
                .path("me.name").entity(String.class).isEqualTo("Li Lei")
                .path("me.roles").entityList(String.class).containsExactly("ADMIN");
        api.withToken(token).document("{ auditEntries(first: 5) { edges { node { action } } } }").execute()
                .errors().verify()
                .path("auditEntries.edges").entityList(Object.class).satisfies(edges -> assertThat(edges).isNotNull());
    }

    @Test
    void anAgentOfTheIdpMayNotReadTheAuditTrail() {
        String token = IDP.token("han.meimei", Map.of("groups", List.of("AGENT")));

        api.withToken(token).document("{ me { roles } }").execute()
                .path("me.roles").entityList(String.class).containsExactly("AGENT");
        api.withToken(token).document("{ auditEntries(first: 5) { edges { node { action } } } }").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
    }

    @Test
    void aTokenOfAnotherIssuerIs401() {
        // same mock server, same kind of signature, but another issuer (and key) than configured
        String token = token("somewhere-else", "li.lei", Map.of("groups", List.of("ADMIN")));

        api.http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + token)
                .bodyValue(Map.of("query", "{ me { subject } }"))
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void theBuiltInIssuerIsOff() {
        assertThat(context.getBeanNamesForType(
                org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository.class))
                .isEmpty();
        var result = api.http().post().uri("/oauth2/token")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("a:b".getBytes()))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("grant_type=client_credentials")
                .exchange().expectBody(String.class).returnResult();
        // no token endpoint: the request falls through to the portal chain, whose CSRF check says 403
        assertThat(result.getStatus().value()).as("POST /oauth2/token").isIn(401, 403, 404);
        assertThat(String.valueOf(result.getResponseBody())).doesNotContain("access_token");
    }

    @Test
    void aPersonWithAnIdpTokenMakesAPersonalAccessTokenThatWorksBesideIt() {
        String employeeId = "X" + Long.toHexString(System.nanoTime());
        TestData.asAdmin(() -> directory.createPerson(new PersonInput(
                employeeId, "韩梅梅", null, null, Set.of(Role.AGENT), true, null, null)));
        String idpToken = IDP.token("han.meimei", Map.of("groups", List.of("AGENT"), "employee_id", employeeId));

        String secret = api.withToken(idpToken).document("""
                mutation($input: CreatePersonalAccessTokenInput!) {
                  createPersonalAccessToken(input: $input) { secret } }""")
                .variable("input", Map.of("name", "export", "roles", List.of("AGENT"), "expiresAt",
                        Instant.now().plus(Duration.ofDays(1)).toString()))
                .execute().path("createPersonalAccessToken.secret").entity(String.class).get();

        api.withToken(secret).document("{ me { kind employeeId roles } }").execute()
                .path("me.kind").entity(String.class).isEqualTo("PERSON")
                .path("me.employeeId").entity(String.class).isEqualTo(employeeId)
                .path("me.roles").entityList(String.class).containsExactly("AGENT");
    }

    private static String token(String issuerId, String subject, Map<String, Object> claims) {
        return IDP.tokenOf(issuerId, subject, claims);
    }
}
