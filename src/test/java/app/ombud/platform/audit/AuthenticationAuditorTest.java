package app.ombud.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.platform.Actor;
import app.ombud.platform.AuditTrail;
import app.ombud.platform.Role;
import app.ombud.support.ApiAccess;
import app.ombud.support.OmbudIntegrationTest;
import app.ombud.support.TestData;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

@OmbudIntegrationTest
class AuthenticationAuditorTest {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    @Autowired
    ApiAccess api;

    @Autowired
    AuditTrail audit;

    @Test
    void aWrongPasswordOnTheLoginFormIsRecordedWithTheAttemptedLogin() {
        String login = "nobody-" + Long.toHexString(System.nanoTime());

        String location = postLoginForm(login, "not-the-password-1");

        assertThat(location).contains("login?error");
        var failed = entries("auth.login-failed", login);
        assertThat(failed).singleElement().satisfies(entry -> {
            assertThat(entry.actorKind()).isEqualTo(Actor.Kind.PERSON);
            assertThat(entry.targetId()).isEqualTo(login);
            assertThat(entry.details()).containsEntry("reason", "bad-credentials");
        });
    }

    @Test
    void aSuccessfulPortalLoginIsRecorded() {
        long before = TestData.asAdmin(() -> audit.count(new AuditTrail.Filter("auth.login", "admin", null, null, null)));

        String location = postLoginForm("admin", TestData.ADMIN_PASSWORD);

        assertThat(location).doesNotContain("error");
        long after = TestData.asAdmin(() -> audit.count(new AuditTrail.Filter("auth.login", "admin", null, null, null)));
        // the prefix filter also matches auth.login-failed; a success adds exactly one auth.login
        assertThat(after).isEqualTo(before + 1);
        assertThat(entries("auth.login", "admin").getFirst().action()).isEqualTo("auth.login");
    }

    @Test
    void issuedTokensAndRejectedClientsAreRecordedButApiCallsAreNot() {
        var client = api.newClient(EnumSet.of(Role.BI_READER));
        String clientId = client.client().clientId();

        String token = api.fetchToken(clientId, client.secret());
        api.http().post().uri("/oauth2/token")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((clientId + ":wrong-secret").getBytes()))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("grant_type=client_credentials")
                .exchange().expectStatus().isUnauthorized();
        api.withToken(token).document("{ me { subject } }").execute().path("me.subject").entity(String.class)
                .isEqualTo(clientId);
        api.withToken(token).document("{ me { subject } }").execute().path("me.subject").entity(String.class)
                .isEqualTo(clientId);

        assertThat(entries("auth.token-issued", clientId)).singleElement().satisfies(entry -> {
            assertThat(entry.actorKind()).isEqualTo(Actor.Kind.CLIENT);
            assertThat(entry.targetId()).isEqualTo(clientId);
            assertThat(entry.details()).containsKey("expiresAt");
        });
        assertThat(entries("auth.client-failed", clientId)).singleElement()
                .satisfies(entry -> assertThat(entry.details()).containsEntry("reason", "invalid_client"));
        assertThat(entries("auth.", clientId)).extracting(AuditTrail.Entry::action)
                .containsExactlyInAnyOrder("auth.token-issued", "auth.client-failed");
    }

    private List<AuditTrail.Entry> entries(String action, String actor) {
        return TestData.asAdmin(() -> audit.page(new AuditTrail.Filter(action, actor, null, null, null),
                ScrollPosition.keyset(), 20).getContent());
    }

    /** Posts the portal's login form as a browser would: with the session and CSRF token of /login. */
    private String postLoginForm(String username, String password) {
        EntityExchangeResult<String> page = api.http().get().uri("/login").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult();
        var form = new LinkedMultiValueMap<String, String>();
        form.add("username", username);
        form.add("password", password);
        Matcher csrf = CSRF_META.matcher(page.getResponseBody() == null ? "" : page.getResponseBody());
        if (csrf.find()) {
            form.add("_csrf", csrf.group(1));
        }
        var request = api.http().post().uri("/login");
        for (List<ResponseCookie> cookies : page.getResponseCookies().values()) {
            for (ResponseCookie cookie : cookies) {
                request = request.cookie(cookie.getName(), cookie.getValue());
            }
        }
        var response = request.contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form)).exchange()
                .expectStatus().is3xxRedirection().returnResult(Void.class);
        return String.valueOf(response.getResponseHeaders().getLocation());
    }
}
