package app.ombud.platform.security;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The authorization server's memory between "sign in" and "swap the code for a token": only
 * authorization codes in flight are kept, in the store (so any instance can answer the token
 * request), each as a SHA-256 hash of the code with the person's login and the PKCE challenge.
 * Access tokens are self-contained JWTs and are not kept at all.
 *
 * <p>A code is used once: the token endpoint's final save deletes it, and when two requests race
 * with the same code only the one whose delete removed it gets a token; the other is refused with
 * {@code invalid_grant}.
 */
class AuthorizationCodeStore implements OAuth2AuthorizationService {

    private static final OAuth2TokenType AUTHORIZATION_CODE = new OAuth2TokenType(OAuth2ParameterNames.CODE);

    private final MongoTemplate mongo;
    private final RegisteredClientRepository clients;
    private final Clock clock;

    AuthorizationCodeStore(MongoTemplate mongo, RegisteredClientRepository clients, Clock clock) {
        this.mongo = mongo;
        this.clients = clients;
        this.clock = clock;
    }

    /** One code in flight; the code itself is stored only as its hash. */
    @CompoundIndex(name = "expiresAt", def = "{'expiresAt': 1}")
    @Document("authorization_codes")
    record StoredCode(@Id String id, @Indexed(unique = true) String codeHash, String registeredClientId,
            String login, String authorizationUri, String clientId, String redirectUri, Set<String> scopes,
            String state, Map<String, String> parameters, Instant issuedAt, Instant expiresAt) {
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        OAuth2Authorization.Token<OAuth2AuthorizationCode> code = authorization.getToken(OAuth2AuthorizationCode.class);
        if (code == null) {
            return; // client credentials: the JWT is all there is
        }
        if (code.isInvalidated()) {
            // the code was swapped for a token (or misused): it is gone, and only one request may
            // have taken it
            long removed = mongo.remove(Query.query(Criteria.where("_id").is(authorization.getId())), StoredCode.class)
                    .getDeletedCount();
            if (removed == 0) {
                throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_GRANT);
            }
            return;
        }
        OAuth2AuthorizationRequest request = authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
        Authentication principal = authorization.getAttribute(Principal.class.getName());
        if (request == null || principal == null) {
            throw new IllegalStateException("An authorization code without its request or person");
        }
        // of the request's further parameters only PKCE's matter later; the rest are not kept
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String name : List.of(PkceParameterNames.CODE_CHALLENGE, PkceParameterNames.CODE_CHALLENGE_METHOD)) {
            if (request.getAdditionalParameters().get(name) instanceof String value) {
                parameters.put(name, value);
            }
        }
        Instant now = clock.instant();
        mongo.remove(Query.query(Criteria.where("expiresAt").lt(now)), StoredCode.class);
        String login = BuiltInIssuerConfiguration.personLogin(principal);
        mongo.insert(new StoredCode(authorization.getId(), TokenHashes.sha256(code.getToken().getTokenValue()),
                authorization.getRegisteredClientId(), login, request.getAuthorizationUri(), request.getClientId(),
                request.getRedirectUri(), request.getScopes(), request.getState(), parameters,
                code.getToken().getIssuedAt(), code.getToken().getExpiresAt()));
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        mongo.remove(Query.query(Criteria.where("_id").is(authorization.getId())), StoredCode.class);
    }

    @Override
    public OAuth2Authorization findById(String id) {
        StoredCode stored = mongo.findById(id, StoredCode.class);
        return stored == null ? null : restore(stored, null);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        if (token == null || (tokenType != null && !AUTHORIZATION_CODE.equals(tokenType))) {
            return null; // access tokens are JWTs: nothing kept to look up
        }
        StoredCode stored = mongo.findOne(Query.query(Criteria.where("codeHash").is(TokenHashes.sha256(token))),
                StoredCode.class);
        return stored == null ? null : restore(stored, token);
    }

    /**
     * The authorization as the token endpoint needs it. The person is carried by login only: the
     * token's claims are read fresh from the directory when it is issued.
     */
    private OAuth2Authorization restore(StoredCode stored, String code) {
        RegisteredClient client = clients.findById(stored.registeredClientId());
        if (client == null) {
            return null; // disabled or removed since the sign-in
        }
        var request = OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(stored.authorizationUri())
                .clientId(stored.clientId())
                .redirectUri(stored.redirectUri())
                .scopes(stored.scopes() == null ? Set.of() : stored.scopes())
                .state(stored.state())
                .additionalParameters(Map.copyOf(stored.parameters() == null ? Map.of() : stored.parameters()))
                .build();
        var person = UsernamePasswordAuthenticationToken.authenticated(stored.login(), null, List.of());
        var builder = OAuth2Authorization.withRegisteredClient(client)
                .id(stored.id())
                .principalName(stored.login())
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizedScopes(request.getScopes())
                .attribute(OAuth2AuthorizationRequest.class.getName(), request)
                .attribute(Principal.class.getName(), person);
        if (code != null) {
            builder.token(new OAuth2AuthorizationCode(code, stored.issuedAt(), stored.expiresAt()));
        }
        return builder.build();
    }
}
