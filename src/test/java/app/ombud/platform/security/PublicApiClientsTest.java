package app.ombud.platform.security;

import static app.ombud.support.TestData.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.ombud.platform.OmbudException;
import app.ombud.platform.Role;
import app.ombud.support.ApiAccess;
import app.ombud.support.OmbudIntegrationTest;
import app.ombud.support.PkceSignIn;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Public clients as admins register them: no secret and no roles, redirect URIs that can only
 * return a code to the person's own machine or a named https address, and none of the
 * confidential clients' grants.
 */
@OmbudIntegrationTest
class PublicApiClientsTest {

    @Autowired
    ApiAccess api;

    @Autowired
    ApiClientService clients;

    @Test
    void theScriptsClientIsThereOutOfTheBoxPublicWithLoopbackRedirectsOnly() {
        var cli = asAdmin(() -> clients.get(PkceSignIn.CLI_CLIENT));
        assertThat(cli.type()).isEqualTo(ApiClientType.PUBLIC);
        assertThat(cli.roles()).isEmpty();
        assertThat(cli.redirectUris()).containsExactly("http://127.0.0.1/callback", "http://[::1]/callback");
        assertThat(cli.createdBy()).isEqualTo("system");

        api.as(Role.ADMIN).document("{ apiClient(clientId: \"ombud-cli\") { type roles redirectUris secretChangedAt } }")
                .execute()
                .path("apiClient.type").entity(String.class).isEqualTo("PUBLIC")
                .path("apiClient.roles").entityList(String.class).hasSize(0)
                .path("apiClient.secretChangedAt").valueIsNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080/callback", "http://tool.example.com/callback",
        "https://tool.example.com/cb#token", "https://*.example.com/cb", "javascript:alert(1)",
        "http://user@127.0.0.1/callback", "tool:/callback", "/callback"})
    void redirectsThatCouldLeakTheCodeAreRefused(String uri) {
        var refused = catchThrowableOfType(OmbudException.class, () -> asAdmin(() -> clients.createPublic(
                "bad-" + Long.toHexString(System.nanoTime()), null, List.of(uri))));
        assertThat(refused.code()).isEqualTo("CLIENT_REDIRECT_URI_INVALID");
        assertThat(refused.field()).isEqualTo("redirectUris");
    }

    @Test
    void loopbackHttpsAndAppSchemesAreAccepted() {
        String id = "ok-" + Long.toHexString(System.nanoTime());
        var client = asAdmin(() -> clients.createPublic(id, "Desktop tool", List.of("http://127.0.0.1:8400/cb",
                "http://[::1]/cb", "https://tool.example.com/oauth/callback", "com.example.tool:/callback")));
        assertThat(client.redirectUris()).hasSize(4);
        var none = catchThrowableOfType(OmbudException.class, () -> asAdmin(() -> clients.createPublic(
                id + "-none", null, List.of(" "))));
        assertThat(none.code()).isEqualTo("CLIENT_REDIRECT_URIS_REQUIRED");
    }

    @Test
    void aPublicClientHasNoSecretToRotateNorRolesToChangeAndNoClientCredentials() {
        String id = "pub-" + Long.toHexString(System.nanoTime());
        var client = asAdmin(() -> clients.createPublic(id, null, List.of("http://127.0.0.1/callback")));

        assertThat(catchThrowableOfType(OmbudException.class,
                () -> asAdmin(() -> clients.rotateSecret(id, client.version()))).code()).isEqualTo("CLIENT_IS_PUBLIC");
        assertThat(catchThrowableOfType(OmbudException.class, () -> asAdmin(() -> clients.update(id, null,
                Set.of(Role.ADMIN), client.version()))).code()).isEqualTo("CLIENT_IS_PUBLIC");
        String confidential = api.newClient(Set.of(Role.BI_READER)).client().clientId();
        assertThat(catchThrowableOfType(OmbudException.class, () -> asAdmin(() -> clients.updatePublic(confidential,
                null, List.of("http://127.0.0.1/callback"), null))).code()).isEqualTo("CLIENT_NOT_PUBLIC");

        var form = new LinkedMultiValueMap<String, String>();
        form.add("grant_type", "client_credentials");
        form.add("client_id", id);
        api.http().post().uri("/oauth2/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form)).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void anUnregisteredRedirectGetsAnErrorPageNotARedirect() {
        var answer = api.http().get().uri("/oauth2/authorize?response_type=code&client_id=ombud-cli"
                        + "&redirect_uri=https://evil.example/steal&code_challenge=" + "a".repeat(43)
                        + "&code_challenge_method=S256")
                .accept(MediaType.TEXT_HTML).exchange().expectBody(String.class).returnResult();
        assertThat(answer.getStatus().value()).isEqualTo(400);
        assertThat(answer.getResponseHeaders().getLocation()).isNull();
    }

    @Test
    void withoutAPkceChallengeThereIsNoCode() {
        var answer = api.http().get().uri("/oauth2/authorize?response_type=code&client_id=ombud-cli"
                        + "&redirect_uri=" + PkceSignIn.REDIRECT)
                .accept(MediaType.TEXT_HTML).exchange().expectBody(String.class).returnResult();
        assertThat(answer.getStatus().value()).isEqualTo(302);
        assertThat(answer.getResponseHeaders().getLocation().toString())
                .startsWith(PkceSignIn.REDIRECT + "?error=invalid_request");
    }
}
