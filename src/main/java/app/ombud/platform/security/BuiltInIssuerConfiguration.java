package app.ombud.platform.security;

import app.ombud.platform.Bootstrap;
import app.ombud.platform.OmbudSecurityProperties;
import app.ombud.platform.Role;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
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
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The built-in token issuer (Spring Authorization Server), on when no external issuer is
 * configured: client-credentials tokens for registered API clients, signed with the key kept in
 * the store, carrying the client's roles.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.security.oauth2.resourceserver.jwt.issuer-uri:}'.isBlank()")
class BuiltInIssuerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BuiltInIssuerConfiguration.class);

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain authorizationServerChain(HttpSecurity http, RegisteredClientRepository clients,
            OAuth2AuthorizationService authorizations) throws Exception {
        var authorizationServer = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, as -> as.registeredClientRepository(clients)
                        .authorizationService(authorizations))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers(authorizationServer.getEndpointsMatcher()));
        return http.build();
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(MongoTemplate mongo, Clock clock) {
        return new ImmutableJWKSet<>(new JWKSet(new SigningKeyStore(mongo, clock).loadOrCreate()));
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(OmbudSecurityProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
    }

    /** Tokens are self-contained JWTs: nothing to keep per token, so nothing grows in memory. */
    @Bean
    OAuth2AuthorizationService authorizationService() {
        return new OAuth2AuthorizationService() {
            @Override
            public void save(OAuth2Authorization authorization) {
            }

            @Override
            public void remove(OAuth2Authorization authorization) {
            }

            @Override
            public OAuth2Authorization findById(String id) {
                return null;
            }

            @Override
            public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
                return null;
            }
        };
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(ApiClientService clients,
            OmbudSecurityProperties properties) {
        TokenSettings tokens = TokenSettings.builder().accessTokenTimeToLive(properties.accessTokenTtl()).build();
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

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> rolesInTokens(ApiClientService clients,
            OmbudSecurityProperties properties) {
        String claim = properties.rolesClaim().contains(".") ? "roles" : properties.rolesClaim();
        return context -> {
            String clientId = context.getRegisteredClient().getClientId();
            ApiClientDocument client = clients.findActive(clientId);
            Set<Role> roles = client == null ? Set.of() : client.roles();
            context.getClaims().claim(claim, roles.stream().map(Role::name).sorted().toList());
            context.getClaims().claim("name", clientId);
            clients.recordUse(clientId);
        };
    }

    /** Checks signature, time, issuer, and that the client behind the token is still enabled. */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys, OmbudSecurityProperties properties,
            ApiClientService clients) {
        NimbusJwtDecoder decoder = (NimbusJwtDecoder) org.springframework.security.config.annotation.web.configuration
                .OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
        OAuth2TokenValidator<Jwt> clientActive = jwt -> clients.isActive(jwt.getSubject())
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                        "The API client of this token is disabled or unknown", null));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()), clientActive));
        return decoder;
    }

    @Bean
    BootstrapClient bootstrapClient(ApiClientService clients, OmbudSecurityProperties properties) {
        return new BootstrapClient(clients, properties);
    }

    /** Registers the configured API client before the port opens. */
    record BootstrapClient(ApiClientService clients, OmbudSecurityProperties properties) {

        @EventListener(Bootstrap.class)
        @Order(Bootstrap.Step.API_CLIENT)
        public void register() {
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
