package app.ombud.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ombud.platform.OmbudException;
import app.ombud.platform.Role;
import app.ombud.support.ApiAccess;
import app.ombud.support.OmbudIntegrationTest;
import app.ombud.support.TestData;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The built-in issuer end to end: what its tokens carry, which tokens /graphql refuses, and what
 * the token endpoint does with disabled, re-keyed and wrong credentials. Tokens that the tests
 * sign themselves are first shown to work (a control), then varied in one thing at a time.
 */
@OmbudIntegrationTest
class BuiltInIssuerTest {

    private static final String ISSUER = "http://ombud.test";

    @Autowired
    ApiAccess api;

    @Autowired
    ApiClientService clients;

    @Autowired
    JWKSource<SecurityContext> keys;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Clock clock;

    // ---- what the issued token carries -------------------------------------------------------

    @Test
    void issuedTokenNamesTheConfiguredIssuerAndTheClientsRoles() throws Exception {
        var client = api.newClient(EnumSet.of(Role.AGENT, Role.BI_READER));
        String token = api.fetchToken(client.client().clientId(), client.secret());

        JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getSubject()).isEqualTo(client.client().clientId());
        assertThat(claims.getStringListClaim("roles")).containsExactly("AGENT", "BI_READER");
        assertThat(claims.getExpirationTime()).isAfter(new Date());
        assertThat(SignedJWT.parse(token).getHeader().getKeyID()).isEqualTo(storedKey().getKeyID());

        api.withToken(token).document("{ me { subject roles } }").execute()
                .path("me.subject").entity(String.class).isEqualTo(client.client().clientId())
                .path("me.roles").entityList(String.class).contains("AGENT", "BI_READER").hasSize(2);
    }

    // ---- tokens /graphql refuses -------------------------------------------------------------

    @Test
    void aTokenSignedWithTheStoredKeyAndRightClaimsIsAccepted() throws Exception {
        // the control for the refusals below: the hand-made token itself is fine
        String clientId = api.newClient(EnumSet.of(Role.BI_READER)).client().clientId();
        assertThat(statusOfMe(sign(storedKey(), claims(clientId, ISSUER, Instant.now())))).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aTokenSignedWithAnotherKeyIs401() throws Exception {
        String clientId = api.newClient(EnumSet.of(Role.BI_READER)).client().clientId();
        RSAKey other = new RSAKeyGenerator(2048).keyID(storedKey().getKeyID()).generate();
        assertThat(statusOfMe(sign(other, claims(clientId, ISSUER, Instant.now()))))
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aTokenWithTheRightKeyButAnotherIssuerIs401() throws Exception {
        String clientId = api.newClient(EnumSet.of(Role.BI_READER)).client().clientId();
        assertThat(statusOfMe(sign(storedKey(), claims(clientId, "http://evil.test", Instant.now()))))
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void anExpiredTokenIs401() throws Exception {
        String clientId = api.newClient(EnumSet.of(Role.BI_READER)).client().clientId();
        // issued two hours ago, expired an hour ago: well past the validator's clock skew
        assertThat(statusOfMe(sign(storedKey(), claims(clientId, ISSUER, Instant.now().minus(Duration.ofHours(2))))))
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aTokenOfAnUnknownClientIs401() throws Exception {
        assertThat(statusOfMe(sign(storedKey(), claims("no-such-client", ISSUER, Instant.now()))))
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    // ---- disabling, re-keying, wrong secrets ----------------------------------------------------

    @Test
    void aDisabledClientsTokenIsRefusedAndItGetsNoNewOne() {
        var client = api.newClient(EnumSet.of(Role.BI_READER));
        String clientId = client.client().clientId();
        String token = api.fetchToken(clientId, client.secret());
        assertThat(statusOfMe(token)).isEqualTo(HttpStatus.OK);

        TestData.asAdmin(() -> clients.setEnabled(clientId, false, null));

        assertThat(statusOfMe(token)).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(tokenEndpointStatus(clientId, client.secret())).isEqualTo(HttpStatus.UNAUTHORIZED);

        TestData.asAdmin(() -> clients.setEnabled(clientId, true, null));
        assertThat(statusOfMe(token)).isEqualTo(HttpStatus.OK);
    }

    @Test
    void afterRotationTheOldSecretIsRefusedAndTheNewOneWorks() {
        var client = api.newClient(EnumSet.of(Role.BI_READER));
        String clientId = client.client().clientId();
        assertThat(tokenEndpointStatus(clientId, client.secret())).isEqualTo(HttpStatus.OK);

        var rotated = TestData.asAdmin(() -> clients.rotateSecret(clientId, null));

        assertThat(rotated.secret()).isNotEqualTo(client.secret());
        assertThat(tokenEndpointStatus(clientId, client.secret())).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(statusOfMe(api.fetchToken(clientId, rotated.secret()))).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aWrongSecretIs401AtTheTokenEndpoint() {
        var client = api.newClient(EnumSet.of(Role.BI_READER));
        assertThat(tokenEndpointStatus(client.client().clientId(), client.secret() + "x"))
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(tokenEndpointStatus("no-such-client", "whatever")).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void fetchingATokenRecordsTheUseButLeavesTheVersionAlone() {
        // the version is the admin's optimistic lock: a BI tool fetching tokens must not make
        // an admin's "disable this client" fail with CONCURRENT_UPDATE
        var client = api.newClient(EnumSet.of(Role.BI_READER));
        String clientId = client.client().clientId();
        Long version = client.client().version();

        api.fetchToken(clientId, client.secret());

        var after = TestData.asAdmin(() -> clients.get(clientId));
        assertThat(after.lastUsedAt()).isNotNull();
        assertThat(after.version()).isEqualTo(version);
        assertThat(TestData.asAdmin(() -> clients.setEnabled(clientId, false, version)).enabled()).isFalse();
    }

    // ---- the signing key lives in the store ---------------------------------------------------

    @Test
    void anotherKeyStoreOverTheSameStoreReturnsTheSameKey() throws Exception {
        RSAKey inUse = storedKey();
        RSAKey again = new SigningKeyStore(mongo, clock).loadOrCreate();

        assertThat(again.getKeyID()).isEqualTo(inUse.getKeyID());
        assertThat(again.getModulus()).isEqualTo(inUse.getModulus());
        assertThat(again.isPrivate()).isTrue();
        assertThat(again.toRSAPrivateKey()).isEqualTo(inUse.toRSAPrivateKey());
    }

    // ---- the client from the configuration ----------------------------------------------------

    @Test
    void bootstrapCreatesTheClientAndLaterUpdatesSecretAndRoles() {
        String clientId = "boot-" + Long.toHexString(System.nanoTime());
        clients.bootstrap(clientId, "first-secret-123", EnumSet.of(Role.BI_READER));

        var created = TestData.asAdmin(() -> clients.get(clientId));
        assertThat(created.roles()).containsExactly(Role.BI_READER);
        assertThat(created.enabled()).isTrue();
        assertThat(created.createdBy()).isEqualTo("system");
        assertThat(tokenEndpointStatus(clientId, "first-secret-123")).isEqualTo(HttpStatus.OK);

        clients.bootstrap(clientId, "second-secret-456", EnumSet.of(Role.ADMIN, Role.BI_READER));

        var updated = TestData.asAdmin(() -> clients.get(clientId));
        assertThat(updated.roles()).containsExactlyInAnyOrder(Role.ADMIN, Role.BI_READER);
        assertThat(tokenEndpointStatus(clientId, "first-secret-123")).isEqualTo(HttpStatus.UNAUTHORIZED);
        String token = api.fetchToken(clientId, "second-secret-456");
        api.withToken(token).document("{ me { roles } }").execute()
                .path("me.roles").entityList(String.class).contains("ADMIN", "BI_READER").hasSize(2);

        // the same configuration again changes nothing (no new version, no audit entry)
        Long version = updated.version();
        clients.bootstrap(clientId, "second-secret-456", EnumSet.of(Role.ADMIN, Role.BI_READER));
        assertThat(TestData.asAdmin(() -> clients.get(clientId)).version()).isEqualTo(version);
    }

    @Test
    void creatingAClientNeedsTheAdminRole() {
        assertThatThrownBy(() -> TestData.as("agent-1", () -> clients.create("x-by-agent", "x", Set.of(Role.ADMIN)),
                Role.AGENT)).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> TestData.asAdmin(() -> clients.get("x-by-agent")))
                .isInstanceOf(OmbudException.class);
    }

    // ---- helpers --------------------------------------------------------------------------------

    private RSAKey storedKey() throws Exception {
        var found = keys.get(new JWKSelector(new JWKMatcher.Builder().build()), null);
        assertThat(found).hasSize(1);
        return (RSAKey) found.getFirst();
    }

    private static JWTClaimsSet claims(String clientId, String issuer, Instant issuedAt) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(clientId)
                .audience(clientId)
                .issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(Duration.ofHours(1))))
                .claim("roles", List.of("BI_READER"))
                .claim("name", clientId)
                .build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) throws Exception {
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private HttpStatus statusOfMe(String token) {
        return HttpStatus.valueOf(api.http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + token)
                .bodyValue(Map.of("query", "{ me { subject } }"))
                .exchange().returnResult(String.class).getStatus().value());
    }

    private HttpStatus tokenEndpointStatus(String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes());
        return HttpStatus.valueOf(api.http().post().uri("/oauth2/token")
                .header("Authorization", "Basic " + basic)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("grant_type=client_credentials")
                .exchange().returnResult(String.class).getStatus().value());
    }
}
