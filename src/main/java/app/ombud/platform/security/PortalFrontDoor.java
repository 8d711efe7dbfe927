package app.ombud.platform.security;

import app.ombud.platform.PortalAccounts;
import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.time.Clock;
import java.util.LinkedHashMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.RequestMatcherDelegatingAccessDeniedHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * How people get into the portal, added to its filter chain by {@link SecurityConfiguration}:
 * <ul>
 * <li>CSRF: Vaadin's configurer exempts the login form from the CSRF check, so a foreign page
 * could sign a victim's browser in to the attacker's account (login CSRF). Here only Vaadin's own
 * framework requests (UIDL, heartbeat, uploads, which carry Vaadin's own token) are exempt; the
 * login form posts the token Vaadin renders into the page's meta tags. A form whose token is
 * missing or stale (the server restarted while the page was open) is sent back to a fresh login
 * page ({@code ?expired}) rather than to a bare 403.</li>
 * <li>the {@link LoginThrottle} in front of the password check;</li>
 * <li>single sign-on through the company IdP when configured ({@link SingleSignOn}).</li>
 * </ul>
 * The response headers of every page are {@link SecurityHeaders}' work, the session cookie's
 * attributes are {@code server.servlet.session.cookie.*} in application.yml.
 */
@Component
class PortalFrontDoor {

    /** The login view's route, where Vaadin's configurer also processes the login form. */
    static final String LOGIN_PAGE = "/login";

    private final RequestUtil vaadinRequests;
    private final LoginThrottle throttle;
    private final PortalAccounts accounts;
    private final SingleSignOn.Settings sso;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PortalFrontDoor(RequestUtil vaadinRequests, LoginThrottle throttle, PortalAccounts accounts,
            SingleSignOn.Settings sso, ApplicationEventPublisher events, Clock clock) {
        this.vaadinRequests = vaadinRequests;
        this.throttle = throttle;
        this.accounts = accounts;
        this.sso = sso;
        this.events = events;
        this.clock = clock;
    }

    /** Vaadin's configurer, without its CSRF rules (ours follow in {@link #configure}). */
    VaadinSecurityConfigurer vaadin(VaadinSecurityConfigurer vaadin) {
        return vaadin.enableCsrfConfiguration(false);
    }

    void configure(HttpSecurity http) throws Exception {
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        // the login form is open to everyone, so a CSRF refusal is the only denial it can meet;
        // everything else keeps the plain 403 (one defaultAccessDeniedHandlerFor alone would apply to all)
        var handlers = new LinkedHashMap<RequestMatcher, AccessDeniedHandler>();
        handlers.put(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, LOGIN_PAGE),
                (request, response, refusal) -> response.sendRedirect(request.getContextPath() + LOGIN_PAGE
                        + "?expired"));
        http.exceptionHandling(denied -> denied.accessDeniedHandler(
                new RequestMatcherDelegatingAccessDeniedHandler(handlers, new AccessDeniedHandlerImpl())));
        http.addFilterBefore(new LoginThrottleFilter(LOGIN_PAGE, throttle, accounts, events, clock),
                UsernamePasswordAuthenticationFilter.class);
        if (sso.enabled()) {
            SingleSignOn.configure(http, LOGIN_PAGE, sso, accounts);
        }
    }
}
