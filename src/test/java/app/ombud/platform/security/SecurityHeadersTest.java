package app.ombud.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.platform.Role;
import app.ombud.support.ApiAccess;
import app.ombud.support.OmbudIntegrationTest;
import app.ombud.support.PortalLogin;
import app.ombud.support.TestData;
import java.net.http.HttpHeaders;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.ExchangeResult;

/**
 * The portal's front door as seen on the wire: the headers of every kind of response, the CSP of
 * Vaadin's bootstrap page, the session cookie's attributes. (The CSP's effect in a browser is
 * proven by every browser test, see {@code support.BrowserTest}.)
 */
@OmbudIntegrationTest
class SecurityHeadersTest {

    private static final Pattern SCRIPT_TAG = Pattern.compile("<script\\b[^>]*>");
    private static final Pattern NONCE = Pattern.compile("script-src 'self' 'nonce-([A-Za-z0-9+/=]+)' 'unsafe-eval'");

    @Autowired
    ApiAccess api;

    @Test
    void everyKindOfResponseSendsNosniffAReferrerPolicyAndTheContentSecurityPolicy() {
        String bundle = bundleScript();
        Map<String, ExchangeResult> responses = new LinkedHashMap<>();
        responses.put("login page", api.http().get().uri("/login").exchange().returnResult(Void.class));
        responses.put("portal page, signed out", api.http().get().uri("/cases").exchange().returnResult(Void.class));
        responses.put("our stylesheet", api.http().get().uri("/ombud/styles/ombud.css").exchange()
                .returnResult(Void.class));
        responses.put("Vaadin's bundle", api.http().get().uri(bundle).exchange().returnResult(Void.class));
        responses.put("missing asset", api.http().get().uri("/VAADIN/build/nothing-here.js").exchange()
                .returnResult(Void.class));
        responses.put("favicon (404)", api.http().get().uri("/favicon.ico").exchange().returnResult(Void.class));
        responses.put("error page", api.http().get().uri("/error").exchange().returnResult(Void.class));
        responses.put("/graphql without a token", api.http().post().uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("query", "{ me { subject } }"))
                .exchange().returnResult(Void.class));
        responses.put("/graphql with a token", api.http().post().uri("/graphql")
                .header("Authorization", "Bearer " + api.token(Role.BI_READER))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("query", "{ me { subject } }"))
                .exchange().returnResult(Void.class));
        responses.put("/graphql refused batch (400)", api.http().post().uri("/graphql")
                .header("Authorization", "Bearer " + api.token(Role.BI_READER))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("[{\"query\": \"{ me { subject } }\"}]")
                .exchange().returnResult(Void.class));
        responses.put("token endpoint, bad client", api.http().post().uri("/oauth2/token")
                .header("Authorization", "Basic bm9ib2R5Om5vdGhpbmc=")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("grant_type=client_credentials")
                .exchange().returnResult(Void.class));
        responses.put("key set", api.http().get().uri("/oauth2/jwks").exchange().returnResult(Void.class));

        assertThat(responses.get("Vaadin's bundle").getStatus().value()).isEqualTo(200);
        assertThat(responses.get("missing asset").getStatus().value()).isEqualTo(404);
        responses.forEach((what, response) -> {
            var headers = response.getResponseHeaders();
            assertThat(headers.getFirst("X-Content-Type-Options")).as("nosniff: %s", what).isEqualTo("nosniff");
            assertThat(headers.getFirst("Referrer-Policy")).as("Referrer-Policy: %s", what).isEqualTo("same-origin");
            assertThat(headers.getFirst("Content-Security-Policy")).as("CSP: %s", what)
                    .contains("default-src 'self'", "object-src 'none'", "frame-ancestors 'self'")
                    .doesNotContain("script-src 'self' 'unsafe-inline'");
            assertThat(headers.getFirst("Strict-Transport-Security")).as("no HSTS without prod: %s", what).isNull();
        });
        assertThat(responses.get("our stylesheet").getResponseHeaders().getCacheControl())
                .as("static assets keep their own caching").contains("max-age").doesNotContain("no-store");
    }

    /** The page's own inline scripts run by a fresh nonce; nothing else inline does ('unsafe-inline' is absent). */
    @Test
    void vaadinsBootstrapPageRunsItsInlineScriptsByANonceOnly() {
        var first = api.http().get().uri("/login").exchange().expectBody(String.class).returnResult();
        var second = api.http().get().uri("/login").exchange().expectBody(String.class).returnResult();

        String policy = first.getResponseHeaders().getFirst("Content-Security-Policy");
        Matcher nonce = NONCE.matcher(String.valueOf(policy));
        assertThat(nonce.find()).as("nonce in %s", policy).isTrue();
        assertThat(policy).doesNotContain("'unsafe-inline' 'unsafe-eval'");
        Matcher scripts = SCRIPT_TAG.matcher(first.getResponseBody());
        int count = 0;
        while (scripts.find()) {
            count++;
            assertThat(scripts.group()).as("script tag").contains("nonce=\"" + nonce.group(1) + "\"");
        }
        assertThat(count).as("script tags on the page").isGreaterThan(2);
        assertThat(second.getResponseHeaders().getFirst("Content-Security-Policy"))
                .as("a fresh nonce for every page").isNotEqualTo(policy);
    }

    @Test
    void signedInPagesAreNeverStored() {
        var browser = PortalLogin.fromNewAddress(api);
        assertThat(browser.logIn("admin", TestData.ADMIN_PASSWORD).signedIn()).isTrue();

        for (String path : new String[] {"/", "/cases", "/admin/audit"}) {
            var page = browser.get(path);
            // signed out, each of these is a redirect to the login page
            assertThat(page.statusCode()).as("GET %s signed in", path).isEqualTo(200);
            assertThat(page.headers().firstValue("Cache-Control")).as("Cache-Control of %s", path)
                    .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
            assertThat(page.headers().firstValue("Content-Security-Policy")).as("CSP of %s", path).isPresent();
        }
    }

    @Test
    void theSessionCookieIsSameSiteLaxAndHttpOnly() {
        var browser = PortalLogin.fromNewAddress(api);
        HttpHeaders login = browser.get("/login").headers();
        String before = sessionCookie(login);
        var answer = browser.logIn("admin", TestData.ADMIN_PASSWORD);
        String after = answer.setCookies().stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();

        for (String cookie : new String[] {before, after}) {
            assertThat(cookie).containsIgnoringCase("; SameSite=Lax").containsIgnoringCase("; HttpOnly")
                    .doesNotContainIgnoringCase("Secure");
        }
    }

    private static String sessionCookie(HttpHeaders headers) {
        return headers.allValues("set-cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow();
    }

    /** The bundle script the bootstrap page loads, e.g. /VAADIN/build/indexhtml-….js. */
    private String bundleScript() {
        String html = api.http().get().uri("/login").exchange().expectBody(String.class).returnResult()
                .getResponseBody();
        Matcher src = Pattern.compile("src=\"\\./(VAADIN/build/[^\"]+\\.js)\"").matcher(html);
        assertThat(src.find()).as("bundle script on the login page").isTrue();
        return "/" + src.group(1);
    }
}
