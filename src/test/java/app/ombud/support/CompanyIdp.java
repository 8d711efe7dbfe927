package app.ombud.support;

import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A company identity provider for tests (mock-oauth2-server, a real OIDC issuer): Ombud is
 * pointed at it by configuration only, and it issues signed tokens with the claims a test names.
 * Tests that use it run in their own JVM (failsafe, {@code *IT}): the shared context uses the
 * built-in issuer.
 */
public final class CompanyIdp {

    private final MockOAuth2Server server;
    private final String issuerId;

    public CompanyIdp(String issuerId) {
        this(issuerId, false);
    }

    private CompanyIdp(String issuerId, boolean loginPage) {
        this.issuerId = issuerId;
        this.server = new MockOAuth2Server(new OAuth2Config(loginPage));
        server.start();
    }

    /**
     * An IdP whose authorize endpoint shows mock-oauth2-server's sign-in page, where a browser
     * test types a subject ({@code username}) and the claims as JSON ({@code claims}); the ID
     * token then carries them.
     */
    public static CompanyIdp withLoginPage(String issuerId) {
        return new CompanyIdp(issuerId, true);
    }

    /** Points Ombud's resource server at this issuer (call from a {@code @DynamicPropertySource}). */
    public void configure(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri",
                () -> server.issuerUrl(issuerId).toString());
    }

    /** Also signs people in to the portal through this issuer (any client ID and secret will do). */
    public void configurePortalLogin(DynamicPropertyRegistry registry) {
        configure(registry);
        registry.add("ombud.security.sso.client-id", () -> "ombud-portal");
        registry.add("ombud.security.sso.client-secret", () -> "portal-secret");
    }

    /** A token of this issuer for the subject, with these claims, valid for an hour. */
    public String token(String subject, Map<String, Object> claims) {
        return tokenOf(issuerId, subject, claims);
    }

    /** A token of another issuer served by the same server (another key, another {@code iss}). */
    public String tokenOf(String otherIssuerId, String subject, Map<String, Object> claims) {
        return server.issueToken(otherIssuerId, subject, new DefaultOAuth2TokenCallback(otherIssuerId, subject, "JWT",
                List.of("ombud"), claims, 3600)).serialize();
    }

    public void shutdown() {
        server.shutdown();
    }
}
