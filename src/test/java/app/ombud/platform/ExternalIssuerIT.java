package app.ombud.platform;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.directory.DirectoryService;
import app.ombud.directory.PersonInput;
import app.ombud.support.ApiAccess;
import app.ombud.support.BrowserTest;
import app.ombud.support.CompanyIdp;
import app.ombud.support.OmbudIntegrationTest;
import app.ombud.support.TestData;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Ombud behind a company identity provider (here mock-oauth2-server): configuration only, the
 * roles read from a configurable claim ({@code groups}), the built-in issuer switched off, and
 * people signing in to the portal through it. Runs in its own JVM (failsafe), since the shared
 * test context uses the built-in issuer.
 */
@OmbudIntegrationTest
@TestPropertySource(properties = "ombud.security.roles-claim=groups")
class ExternalIssuerIT {

    private static final CompanyIdp IDP = CompanyIdp.withLoginPage("ombud");

    @DynamicPropertySource
    static void externalIssuer(DynamicPropertyRegistry registry) {
        IDP.configurePortalLogin(registry);
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

    /**
     * Single sign-on to the portal in Chromium through the same IdP (its sign-in page, where the
     * test types a subject and the {@code employee_id} claim). Nested, so it shares this class's
     * Spring context and JVM, and only these tests skip where no Chromium is installed.
     */
    @Nested
    class PortalSingleSignOn extends BrowserTest {

        @Autowired
        DirectoryService directory;

        @Autowired
        AuditTrail audit;

        @Test
        void aPersonOfTheDirectorySignsInWithTheCompanyAccountHasTheirDirectoryRolesAndSignsOutAgain() {
            String employeeId = newPerson("单点坐席", true);

            signInAtTheIdp("li.lei", employeeId);

            page.waitForURL(url -> url.startsWith(api.baseUrl()) && !url.contains("/login"));
            assertThat(page.locator(".ombud-user")).containsText("单点坐席");
            assertThat(page.locator(".ombud-home p").first()).containsText("坐席");
            assertThat(page.locator(".ombud-home p").first()).not().containsText("管理员");
            screenshot("sso-home-zh-CN.png");
            var signedIn = TestData.asAdmin(() -> audit.page(new AuditTrail.Filter("auth.login", employeeId, null, null,
                    null), ScrollPosition.keyset(), 5).getContent());
            assertThat(signedIn).singleElement().satisfies(entry -> {
                assertThat(entry.action()).isEqualTo("auth.login");
                assertThat(entry.details()).containsEntry("method", "sso");
            });

            page.locator("#logout").click();
            page.waitForURL(Pattern.compile(".*/login$"));
            page.navigate(api.baseUrl() + "/cases");
            page.waitForURL(Pattern.compile(".*/login$"));
            assertThat(page.locator("vaadin-login-form")).isVisible();
        }

        @Test
        void someoneTheDirectoryDoesNotKnowIsRefusedWithAClearPage() {
            signInAtTheIdp("stranger", "NOBODY-" + Long.toHexString(System.nanoTime()));

            page.waitForURL(Pattern.compile(".*/login\\?sso=unknown-person$"));
            assertThat(page.getByText("人员目录中没有您的工号")).isVisible();
            screenshot("sso-refused-zh-CN.png");
            page.navigate(api.baseUrl() + "/cases");
            page.waitForURL(Pattern.compile(".*/login$"));
        }

        @Test
        void aDeactivatedPersonIsRefused() {
            String employeeId = newPerson("已停用", false);

            signInAtTheIdp("gone", employeeId);

            page.waitForURL(Pattern.compile(".*/login\\?sso=inactive-person$"));
            assertThat(page.getByText("您在 Ombud 中的人员记录已停用")).isVisible();
            var refused = TestData.asAdmin(() -> audit.page(new AuditTrail.Filter("auth.login-failed", employeeId, null,
                    null, null), ScrollPosition.keyset(), 5).getContent());
            assertThat(refused).singleElement().satisfies(entry -> assertThat(entry.details())
                    .containsEntry("reason", "inactive-person").containsEntry("method", "sso"));
        }

        /** Decided: the password form stays beside the company account, for the first admin and break-glass logins. */
        @Test
        void theLocalFormStaysBesideSingleSignOn() {
            signIn("admin", TestData.ADMIN_PASSWORD);

            page.waitForURL(url -> !url.contains("/login"));
            assertThat(page.locator(".ombud-brand")).isVisible();
        }

        private void signInAtTheIdp(String subject, String employeeId) {
            page.navigate(api.baseUrl() + "/login");
            page.locator("#sso-login").click();
            page.waitForURL(url -> !url.startsWith(api.baseUrl()));
            page.locator("input[name='username']").fill(subject);
            page.locator("textarea[name='claims']")
                    .fill("{\"employee_id\": \"" + employeeId + "\", \"name\": \"IdP Name\"}");
            page.locator("input[type='submit']").click();
        }

        private String newPerson(String name, boolean active) {
            String employeeId = "SSO" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
            TestData.asAdmin(() -> directory.createPerson(new PersonInput(employeeId, name, null, null,
                    Set.of(Role.AGENT), active, null, null)));
            return employeeId;
        }
    }
}
