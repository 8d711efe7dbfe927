package app.ombud.support;

import app.ombud.platform.CurrentActor;
import app.ombud.platform.Role;
import app.ombud.platform.security.ApiClientService;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.core.env.Environment;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Real tokens for tests: registers one API client per role set through the service, fetches a
 * token from the built-in issuer's /oauth2/token over HTTP, and hands out a GraphQL tester that
 * sends it. Nothing is mocked between the client and the controllers.
 */
public class ApiAccess {

    private final Environment environment;
    private final ApiClientService clients;
    private final JWKSource<SecurityContext> keys;
    private final Map<Set<Role>, String> tokens = new ConcurrentHashMap<>();

    ApiAccess(Environment environment, ApiClientService clients, JWKSource<SecurityContext> keys) {
        this.environment = environment;
        this.clients = clients;
        this.keys = keys;
    }

    public String baseUrl() {
        return "http://localhost:" + environment.getProperty("local.server.port");
    }

    public WebTestClient http() {
        return WebTestClient.bindToServer().baseUrl(baseUrl()).responseTimeout(Duration.ofSeconds(30)).build();
    }

    /** A GraphQL tester with no token at all. */
    public HttpGraphQlTester anonymous() {
        return HttpGraphQlTester.create(http().mutate().baseUrl(baseUrl() + "/graphql").build());
    }

    /** A GraphQL tester whose requests carry a real token with exactly these roles. */
    public HttpGraphQlTester as(Role... roles) {
        return withToken(token(roles));
    }

    public HttpGraphQlTester withToken(String token) {
        return HttpGraphQlTester.create(http().mutate().baseUrl(baseUrl() + "/graphql")
                .defaultHeader("Authorization", "Bearer " + token).build());
    }

    public String token(Role... roles) {
        Set<Role> set = roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(Arrays.asList(roles));
        return tokens.computeIfAbsent(set, this::issue);
    }

    /** Registers a fresh client with these roles and returns its id and secret. */
    public ApiClientService.IssuedSecret newClient(Set<Role> roles) {
        String id = "test-" + roles.stream().map(Role::name).sorted().collect(Collectors.joining("-")).toLowerCase()
                + "-" + Long.toHexString(System.nanoTime());
        return TestData.asAdmin(() -> clients.create(id.length() > 64 ? id.substring(0, 64) : id, id, roles));
    }

    /** Asks the token endpoint for a token with client credentials. */
    public String fetchToken(String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes());
        var body = http().post().uri("/oauth2/token")
                .header("Authorization", "Basic " + basic)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("grant_type=client_credentials")
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return String.valueOf(body.get("access_token"));
    }

    /** The management server (probes, Prometheus), on its own port. */
    public WebTestClient management() {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + environment.getProperty("local.management.port")).responseTimeout(Duration.ofSeconds(30)).build();
    }

    private String issue(Set<Role> roles) {
        var client = newClient(roles.isEmpty() ? EnumSet.of(Role.BI_READER) : roles);
        return fetchToken(client.client().clientId(), client.secret());
    }

    /**
     * A token that names a person ({@code employee_id}), signed with the built-in issuer's key and
     * checked by the real decoder (the person must be active in the directory): what the sign-in with
     * PKCE hands out, without driving the sign-in (support.PkceSignIn does that).
     */
    public String personToken(String employeeId, Role... roles) {
        var client = newClient(EnumSet.of(Role.BI_READER)).client();
        var now = java.time.Instant.now();
        var claims = JwtClaimsSet.builder().issuer(environment.getProperty("ombud.security.issuer"))
                .subject(employeeId).audience(java.util.List.of(client.clientId())).issuedAt(now)
                .expiresAt(now.plus(Duration.ofHours(1)))
                .claim(CurrentActor.EMPLOYEE_ID_CLAIM, employeeId).claim("name", employeeId)
                .claim("roles", Arrays.stream(roles).map(Role::name).sorted().toList()).build();
        return new NimbusJwtEncoder(keys).encode(JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.RS256).build(), claims)).getTokenValue();
    }
}
