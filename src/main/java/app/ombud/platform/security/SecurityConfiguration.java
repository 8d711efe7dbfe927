package app.ombud.platform.security;

import app.ombud.platform.OmbudSecurityProperties;
import app.ombud.platform.ui.LoginView;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Two faces, two chains (DESIGN.md §4): {@code /graphql} takes only JWT bearer tokens and keeps
 * no session; the portal uses form login through Vaadin's configurer. The built-in issuer's
 * chain, when on, comes before both ({@link BuiltInIssuerConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain graphqlChain(HttpSecurity http, OmbudSecurityProperties properties, IdpRoleMapping mapping,
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String externalIssuer)
            throws Exception {
        var tokens = new JwtAuthenticationConverter();
        // the mapping translates the company IdP's names; the built-in issuer writes Ombud's own
        tokens.setJwtGrantedAuthoritiesConverter(new RolesClaimConverter(properties.rolesClaim(),
                externalIssuer.isBlank() ? java.util.Map.of() : mapping.roleMapping()));
        http.securityMatcher("/graphql", "/graphql/**", "/graphiql", "/graphiql/**", "/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/graphiql", "/graphiql/**").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resource -> resource.jwt(jwt -> jwt.jwtAuthenticationConverter(tokens)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain portalChain(HttpSecurity http) throws Exception {
        // /error: the error dispatch of a refused /graphql request (e.g. a JSON array batch, 400)
        // lands in this chain; without it the client got 403 instead of the real status
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/ombud/**", "/webjars/**", "/favicon.ico", "/error").permitAll())
                .with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        return http.build();
    }
}
