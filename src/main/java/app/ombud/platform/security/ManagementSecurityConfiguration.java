package app.ombud.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Supplier;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusScrapeEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.security.web.servlet.ApplicationContextRequestMatcher;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.context.WebApplicationContext;

/**
 * The management port (README, "Operations"): health probes and the Prometheus scrape, no
 * login, no session, nothing else. It is a port of its own, bound to the loopback address
 * unless configured otherwise, so that only the machine, the cluster or the monitoring network
 * reach it. On the main port the actuator is not served at all; were the management port set to
 * the main port, its endpoints would fall into the portal chain and need a portal login.
 */
@Configuration(proxyBeanMethods = false)
class ManagementSecurityConfiguration {

    @Bean
    @Order(0)
    SecurityFilterChain managementChain(HttpSecurity http) throws Exception {
        http.securityMatcher(new OnManagementPort())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class, PrometheusScrapeEndpoint.class))
                        .permitAll()
                        .anyRequest().denyAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** Every request served by the management server's own context, whatever its path. */
    static final class OnManagementPort extends ApplicationContextRequestMatcher<WebApplicationContext> {

        OnManagementPort() {
            super(WebApplicationContext.class);
        }

        @Override
        protected boolean matches(HttpServletRequest request, Supplier<WebApplicationContext> context) {
            return WebServerApplicationContext.hasServerNamespace(context.get(),
                    WebServerNamespace.MANAGEMENT.getValue());
        }
    }
}
