package app.ombud.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A script's sign-in over HTTP, step by step as a browser and a loopback listener do it: GET
 * /oauth2/authorize with a PKCE challenge, the portal's login page (its CSRF token sent along when
 * the page carries one), the login form, the redirect to the loopback address with the code, and
 * POST /oauth2/token with the verifier. Cookies are carried by hand; nothing follows redirects.
 */
public final class PkceSignIn {

    /** The public client Ombud registers for scripts. */
    public static final String CLI_CLIENT = "ombud-cli";
    /** A loopback redirect on a port of the script's choosing (RFC 8252). */
    public static final String REDIRECT = "http://127.0.0.1:53682/callback";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_PARAMETER = Pattern.compile("<meta name=\"_csrf_parameter\" content=\"([^\"]+)\"");

    private final WebTestClient http;
    private final String clientId;
    private final String verifier = random();
    private final String state = random();
    private String session;

    public PkceSignIn(WebTestClient http) {
        this(http, CLI_CLIENT);
    }

    public PkceSignIn(WebTestClient http, String clientId) {
        this.http = http;
        this.clientId = clientId;
    }

    /** The whole way for a person not yet signed in: a token naming them. */
    public String token(String login, String password) {
        String code = code(login, password);
        return swap(code, verifier).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody()
                .get("access_token").toString();
    }

    /** Signs in through the login page and returns the code the redirect carries. */
    public String code(String login, String password) {
        return codeFrom(signIn(login, password));
    }

    /** Signs in through the login page; the answer of the authorize endpoint once signed in. */
    public EntityExchangeResult<String> signIn(String login, String password) {
        var authorize = authorize();
        assertThat(authorize.getStatus().value()).as("authorize without a session").isEqualTo(302);
        String toLogin = authorize.getResponseHeaders().getLocation().toString();
        assertThat(URI.create(toLogin).getPath()).as("sent to the portal's login").isEqualTo("/login");
        session = cookie(authorize, session);

        var page = http.get().uri(URI.create(toLogin)).cookie("JSESSIONID", session).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult();
        session = cookie(page, session);
        var form = new LinkedMultiValueMap<String, String>();
        form.add("username", login);
        form.add("password", password);
        Matcher token = CSRF.matcher(page.getResponseBody());
        if (token.find()) {
            Matcher parameter = CSRF_PARAMETER.matcher(page.getResponseBody());
            form.add(parameter.find() ? parameter.group(1) : "_csrf", token.group(1));
        }
        var loggedIn = http.post().uri("/login").cookie("JSESSIONID", session)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData(form))
                .exchange().expectBody(String.class).returnResult();
        assertThat(loggedIn.getStatus().value()).as("login answer").isEqualTo(302);
        session = cookie(loggedIn, session);
        URI back = loggedIn.getResponseHeaders().getLocation();
        assertThat(back.getPath()).as("back to the authorize endpoint after the login").isEqualTo("/oauth2/authorize");

        return http.get().uri(back).cookie("JSESSIONID", session).accept(MediaType.TEXT_HTML).exchange()
                .expectBody(String.class).returnResult();
    }

    /** GET /oauth2/authorize with this sign-in's challenge (and its session, once there is one). */
    public EntityExchangeResult<String> authorize() {
        URI uri = UriComponentsBuilder.fromUriString("/oauth2/authorize")
                .queryParam("response_type", "code")
                .queryParam("client_id", clientId)
                .queryParam("redirect_uri", REDIRECT)
                .queryParam("code_challenge", challenge(verifier))
                .queryParam("code_challenge_method", "S256")
                .queryParam("state", state)
                .encode().build().toUri();
        var request = http.get().uri(uri.toString()).accept(MediaType.TEXT_HTML);
        if (session != null) {
            request = request.cookie("JSESSIONID", session);
        }
        return request.exchange().expectBody(String.class).returnResult();
    }

    /** The code of a redirect to the loopback address, checking its state. */
    public String codeFrom(EntityExchangeResult<String> redirect) {
        assertThat(redirect.getStatus().value()).as("redirect to the script").isEqualTo(302);
        String location = redirect.getResponseHeaders().getLocation().toString();
        assertThat(location).startsWith(REDIRECT + "?");
        MultiValueMap<String, String> query = UriComponentsBuilder.fromUriString(location).build().getQueryParams();
        assertThat(query.getFirst("error")).as("error in the redirect").isNull();
        assertThat(query.getFirst("state")).isEqualTo(state);
        return query.getFirst("code");
    }

    /** POST /oauth2/token: the code and a verifier (the right one is {@link #verifier()}). */
    public WebTestClient.ResponseSpec swap(String code, String codeVerifier) {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("grant_type", "authorization_code");
        form.add("code", code);
        form.add("redirect_uri", REDIRECT);
        form.add("client_id", clientId);
        form.add("code_verifier", codeVerifier);
        return http.post().uri("/oauth2/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form)).exchange();
    }

    public String verifier() {
        return verifier;
    }

    private static String cookie(EntityExchangeResult<?> result, String current) {
        var cookie = result.getResponseCookies().getFirst("JSESSIONID");
        return cookie == null ? current : cookie.getValue();
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
