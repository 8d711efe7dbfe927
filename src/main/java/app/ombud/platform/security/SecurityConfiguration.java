package app.ombud.platform.security;

import app.ombud.platform.ui.LoginView;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Two faces, two chains (DESIGN.md §4): {@code /graphql} takes only bearer tokens (JWTs and
 * personal access tokens) and keeps no session; the portal uses form login through Vaadin's
 * configurer ({@link PortalFrontDoor} adds CSRF on the login form, the login throttle and single
 * sign-on). The built-in issuer's chain, when on, comes before both ({@link BuiltInIssuerConfiguration}).
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
    SecurityFilterChain graphqlChain(HttpSecurity http,
            AuthenticationManagerResolver<HttpServletRequest> apiBearerTokenResolver) throws Exception {
        http.securityMatcher("/graphql", "/graphql/**", "/graphiql", "/graphiql/**", "/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/graphiql", "/graphiql/**").permitAll()
                        .anyRequest().authenticated())
                // JWTs and personal access tokens alike (ApiBearerTokens)
                .oauth2ResourceServer(resource -> resource.authenticationManagerResolver(apiBearerTokenResolver))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain portalChain(HttpSecurity http, PortalFrontDoor frontDoor) throws Exception {
        // /error: the error dispatch of a refused /graphql request (e.g. a JSON array batch, 400)
        // lands in this chain; without it the client got 403 instead of the real status
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/ombud/**", "/webjars/**", "/favicon.ico", "/error").permitAll())
                .with(VaadinSecurityConfigurer.vaadin(), vaadin -> frontDoor.vaadin(vaadin.loginView(LoginView.class)));
        // CSRF on the login form, the login throttle, single sign-on
        frontDoor.configure(http);
        return http.build();
    }
}
