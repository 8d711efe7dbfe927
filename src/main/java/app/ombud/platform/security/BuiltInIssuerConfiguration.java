package app.ombud.platform.security;

import app.ombud.platform.Bootstrap;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.OmbudSecurityProperties;
import app.ombud.platform.PersonStandings.PersonStanding;
import app.ombud.platform.PersonStandings;
import app.ombud.platform.Role;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.util.StringUtils;

/**
 * The built-in token issuer (Spring Authorization Server), on when no external issuer is
 * configured, signing with the key kept in the store:
 * <ul>
 * <li>client-credentials tokens for confidential API clients, carrying the client's roles;</li>
 * <li>tokens that name a person, for public clients (scripts, desktop tools): the authorization
 * code grant with PKCE, where {@code /oauth2/authorize} signs the person in through the portal's
 * own login page (someone signed in to the portal already is not asked again) and the token
 * carries {@code sub} = login, {@code employee_id}, {@code name} and the person's roles. No
 * consent page (every client is registered by an admin) and no refresh tokens: a script signs in
 * again, and what runs unattended uses a personal access token.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.security.oauth2.resourceserver.jwt.issuer-uri:}'.isBlank()")
class BuiltInIssuerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BuiltInIssuerConfiguration.class);

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain authorizationServerChain(HttpSecurity http, RegisteredClientRepository clients,
            OAuth2AuthorizationService authorizations, PersonStandings people) throws Exception {
        var authorizationServer = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, as -> as.registeredClientRepository(clients)
                        .authorizationService(authorizations)
                        .authorizationEndpoint(endpoint -> endpoint.authenticationProviders(providers -> providers
                                .forEach(provider -> {
                                    if (provider instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider code) {
                                        code.setAuthenticationValidator(
                                                new OAuth2AuthorizationCodeRequestAuthenticationValidator()
                                                        .andThen(personMayGetTokens(people)));
                                    }
                                }))))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // a person's browser at /oauth2/authorize who is not signed in goes to the portal's login
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), browsers()))
                .csrf(csrf -> csrf.ignoringRequestMatchers(authorizationServer.getEndpointsMatcher()));
        return http.build();
    }

    /** Requests that ask for a page; accepting anything (curl's default) does not count. */
    private static MediaTypeRequestMatcher browsers() {
        var matcher = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        matcher.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return matcher;
    }

    /**
     * At the authorize endpoint, once the person is signed in: a deactivated or locked person, or
     * one still on an admin's one-time password, is sent back to the client with
     * {@code access_denied} instead of a code.
     */
    private static Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> personMayGetTokens(
            PersonStandings people) {
        return context -> {
            var request = context.<OAuth2AuthorizationCodeRequestAuthenticationToken>getAuthentication();
            if (!(request.getPrincipal() instanceof Authentication principal) || !principal.isAuthenticated()
                    || principal instanceof AnonymousAuthenticationToken) {
                return; // the login comes first
            }
            PersonStanding person = people.find(personLogin(principal)).orElse(null);
            if (person != null && person.mayGetTokens()) {
                return;
            }
            String refusal = person == null ? "is not in the directory" : !person.active() ? "is deactivated"
                    : person.locked() ? "is locked after failed logins"
                    : "must first choose their own password under My account";
            String redirectUri = StringUtils.hasText(request.getRedirectUri()) ? request.getRedirectUri()
                    : context.getRegisteredClient().getRedirectUris().iterator().next();
            var answer = new OAuth2AuthorizationCodeRequestAuthenticationToken(request.getAuthorizationUri(),
                    request.getClientId(), principal, redirectUri, request.getState(), request.getScopes(),
                    request.getAdditionalParameters());
            answer.setAuthenticated(true);
            throw new OAuth2AuthorizationCodeRequestAuthenticationException(new OAuth2Error(
                    OAuth2ErrorCodes.ACCESS_DENIED, "The person " + refusal, null), answer);
        };
    }

    /** The login of the person signed in to the portal: their employee ID. */
    static String personLogin(Authentication principal) {
        String employeeId = CurrentActor.of(principal).employeeId();
        return employeeId != null ? employeeId : principal.getName();
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(MongoTemplate mongo, Clock clock) {
        return new ImmutableJWKSet<>(new JWKSet(new SigningKeyStore(mongo, clock).loadOrCreate()));
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(OmbudSecurityProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
    }

    /**
     * Tokens are self-contained JWTs: nothing is kept per token. Only authorization codes in flight
     * (minutes) are kept, in the store, so any instance can swap a code another one issued.
     */
    @Bean
    OAuth2AuthorizationService authorizationService(MongoTemplate mongo, RegisteredClientRepository clients,
            Clock clock) {
        return new AuthorizationCodeStore(mongo, clients, clock);
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(ApiClientService clients,
            OmbudSecurityProperties properties) {
        TokenSettings tokens = TokenSettings.builder().accessTokenTimeToLive(properties.accessTokenTtl()).build();
        ClientSettings publicClients = ClientSettings.builder().requireProofKey(true)
                .requireAuthorizationConsent(false).build();
        return new RegisteredClientRepository() {
            @Override
            public void save(RegisteredClient registeredClient) {
                throw new UnsupportedOperationException("API clients are registered by admins in Ombud");
            }

            @Override
            public RegisteredClient findById(String id) {
                return findByClientId(id);
            }

            @Override
            public RegisteredClient findByClientId(String clientId) {
                ApiClientDocument client = clients.findActive(clientId);
                if (client == null) {
                    return null;
                }
                if (client.isPublic()) {
                    // no secret: PKCE binds the code to the process that asked for it (RFC 7636);
                    // loopback redirects match on any port (RFC 8252 §7.3)
                    return RegisteredClient.withId(client.clientId())
                            .clientId(client.clientId())
                            .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                            .redirectUris(uris -> uris.addAll(client.redirectUris()))
                            .clientSettings(publicClients)
                            .tokenSettings(tokens)
                            .build();
                }
                return RegisteredClient.withId(client.clientId())
                        .clientId(client.clientId())
                        .clientSecret(client.secretHash())
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .tokenSettings(tokens)
                        .build();
            }
        };
    }

    /**
     * What a token says: for a client-credentials grant the client and its roles; for a person's
     * sign-in the person as the directory has them now (read again here, so a person deactivated
     * between sign-in and code swap gets no token).
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> rolesInTokens(ApiClientService clients, PersonStandings people,
            OmbudSecurityProperties properties) {
        String claim = properties.rolesClaim().contains(".") ? "roles" : properties.rolesClaim();
        return context -> {
            String clientId = context.getRegisteredClient().getClientId();
            if (AuthorizationGrantType.AUTHORIZATION_CODE.equals(context.getAuthorizationGrantType())) {
                PersonStanding person = people.find(context.getPrincipal().getName())
                        .filter(PersonStanding::mayGetTokens)
                        .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(
                                OAuth2ErrorCodes.INVALID_GRANT, "This person may not get a token now", null)));
                context.getClaims().subject(person.employeeId())
                        .claim(CurrentActor.EMPLOYEE_ID_CLAIM, person.employeeId())
                        .claim("name", person.name())
                        .claim(claim, person.roles().stream().map(Role::name).sorted().toList());
            } else {
                ApiClientDocument client = clients.findActive(clientId);
                Set<Role> roles = client == null ? Set.of() : client.roles();
                context.getClaims().claim(claim, roles.stream().map(Role::name).sorted().toList());
                context.getClaims().claim("name", clientId);
            }
            clients.recordUse(clientId);
        };
    }

    /**
     * Checks signature, time, issuer, and that whoever the token names may still call: the API
     * client behind a client token; for a person's token the client they signed in with and the
     * person (not deactivated, not locked; one indexed read per call, so it holds at once).
     */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys, OmbudSecurityProperties properties,
            ApiClientService clients, PersonStandings people) {
        NimbusJwtDecoder decoder = (NimbusJwtDecoder) org.springframework.security.config.annotation.web.configuration
                .OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
        OAuth2TokenValidator<Jwt> callerActive = jwt -> {
            String person = jwt.getClaimAsString(CurrentActor.EMPLOYEE_ID_CLAIM);
            if (person == null) {
                return clients.isActive(jwt.getSubject()) ? OAuth2TokenValidatorResult.success()
                        : invalidToken("The API client of this token is disabled or unknown");
            }
            List<String> audience = jwt.getAudience();
            if (audience == null || audience.isEmpty() || !clients.isActive(audience.getFirst())) {
                return invalidToken("The API client this person signed in with is disabled or unknown");
            }
            return people.find(person).filter(PersonStanding::mayAct).isPresent()
                    ? OAuth2TokenValidatorResult.success()
                    : invalidToken("The person of this token is deactivated, locked or unknown");
        };
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()), callerActive));
        return decoder;
    }

    private static OAuth2TokenValidatorResult invalidToken(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }

    @Bean
    BootstrapClient bootstrapClient(ApiClientService clients, OmbudSecurityProperties properties,
            PersonTokenProperties personTokens) {
        return new BootstrapClient(clients, properties, personTokens);
    }

    /** Registers the configured API client and the built-in public client before the port opens. */
    record BootstrapClient(ApiClientService clients, OmbudSecurityProperties properties,
            PersonTokenProperties personTokens) {

        /**
         * Where the built-in public client may send a signed-in person back: this machine's
         * loopback, on any port (RFC 8252 §7.3). Nothing else, so only a program on the person's
         * own computer can receive the code, and PKCE ties it to the one that asked.
         */
        static final List<String> LOOPBACK = List.of("http://127.0.0.1/callback", "http://[::1]/callback");

        @EventListener(Bootstrap.class)
        @Order(Bootstrap.Step.API_CLIENT)
        public void register() {
            if (!personTokens.cliClientId().isEmpty()) {
                clients.bootstrapPublic(personTokens.cliClientId(), "Scripts and tools (sign-in with PKCE)",
                        LOOPBACK);
            }
            var configured = properties.apiClient();
            if (!configured.configured()) {
                return;
            }
            Set<Role> roles = parseRoles(configured.roles());
            clients.bootstrap(configured.id().strip(), configured.secret(), roles);
            log.info("API client '{}' from the configuration is registered with roles {}", configured.id().strip(),
                    roles.stream().map(Role::name).collect(Collectors.joining(",")));
        }

        private static Set<Role> parseRoles(String text) {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            if (text == null || text.isBlank()) {
                return EnumSet.of(Role.BI_READER);
            }
            for (String name : text.split("[,\\s]+")) {
                if (name.isBlank()) {
                    continue;
                }
                roles.add(Role.parse(name).orElseThrow(() -> new IllegalStateException(
                        "OMBUD_API_CLIENT_ROLES names an unknown role '" + name + "'; known: "
                                + java.util.Arrays.toString(Role.values()))));
            }
            return roles;
        }
    }
}
