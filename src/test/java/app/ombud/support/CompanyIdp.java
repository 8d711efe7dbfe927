package app.ombud.support;

import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A company identity provider for tests (mock-oauth2-server, a real OIDC issuer): Ombud is
 * pointed at it by configuration only, and it issues signed tokens with the claims a test names.
 * Tests that use it run in their own JVM (failsafe, {@code *IT}): the shared context uses the
 * built-in issuer.
 */
public final class CompanyIdp {

    private final MockOAuth2Server server = new MockOAuth2Server();
    private final String issuerId;

    public CompanyIdp(String issuerId) {
        this.issuerId = issuerId;
        server.start();
    }

    /** Points Ombud's resource server at this issuer (call from a {@code @DynamicPropertySource}). */
    public void configure(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri",
                () -> server.issuerUrl(issuerId).toString());
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
