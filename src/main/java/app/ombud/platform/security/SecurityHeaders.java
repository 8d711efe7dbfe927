package app.ombud.platform.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The headers every response carries, whichever filter chain (portal, /graphql, token
 * endpoints, management) or none answers it, error pages and static assets included:
 * {@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy: same-origin} (case IDs in our
 * URLs never go to other sites), the {@link ContentSecurityPolicy}, {@code Cache-Control:
 * no-store} unless the handler chose its own caching (static assets do), and HSTS when
 * {@code ombud.security.headers.hsts-max-age} is set (the {@code prod} profile sets a year).
 * <p>
 * Written before the request is handled, by a servlet filter ahead of Spring Security: Spring
 * Security writes its headers when the response commits, which never happens through its wrapper
 * for Vaadin's pages (Spring MVC forwards them to the Vaadin servlet, and the container closes the
 * response after the forward), so the login page went out without them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityHeaders.Settings.class)
class SecurityHeaders {

    /** Header settings under {@code ombud.security.headers}. */
    @ConfigurationProperties("ombud.security.headers")
    record Settings(Duration hstsMaxAge) {
        Settings {
            if (hstsMaxAge == null || hstsMaxAge.isNegative()) {
                hstsMaxAge = Duration.ZERO;
            }
        }
    }

    @Bean
    FilterRegistrationBean<HttpFilter> securityHeadersFilter(Settings settings) {
        String hsts = settings.hstsMaxAge().isZero() ? null : "max-age=" + settings.hstsMaxAge().toSeconds();
        var filter = new HttpFilter() {
            @Override
            protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws IOException, ServletException {
                setIfAbsent(response, "X-Content-Type-Options", "nosniff");
                setIfAbsent(response, "Referrer-Policy", "same-origin");
                // GraphiQL too: its page (frontend/graphiql) loads its scripts from Ombud and has none inline
                setIfAbsent(response, ContentSecurityPolicy.HEADER, ContentSecurityPolicy.policy());
                setIfAbsent(response, "Cache-Control", "no-store");
                if (hsts != null) {
                    // on every response: a proxy may end TLS in front of us; browsers ignore it over http
                    setIfAbsent(response, "Strict-Transport-Security", hsts);
                }
                chain.doFilter(request, response);
            }
        };
        var registration = new FilterRegistrationBean<HttpFilter>(filter);
        registration.setName("ombudSecurityHeaders");
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }

    private static void setIfAbsent(HttpServletResponse response, String name, String value) {
        if (!response.containsHeader(name)) {
            response.setHeader(name, value);
        }
    }
}
