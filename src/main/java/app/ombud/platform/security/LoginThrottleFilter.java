package app.ombud.platform.security;

import app.ombud.platform.PortalAccounts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of the login form's processing ({@code POST /login}): asks the {@link LoginThrottle}
 * whether this address may try a password now; if not, sends the browser back to the login page
 * with {@code ?throttled=<minutes>} without checking the password, and has the refusal audited
 * once per hold. Not a bean, so the servlet container does not run it on every request.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottleFilter.class);

    private final RequestMatcher loginPost;
    private final LoginThrottle throttle;
    private final PortalAccounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();

    LoginThrottleFilter(String loginPath, LoginThrottle throttle, PortalAccounts accounts,
            ApplicationEventPublisher events, Clock clock) {
        this.loginPost = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, loginPath);
        this.throttle = throttle;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!loginPost.matches(request)) {
            chain.doFilter(request, response);
            return;
        }
        String login = Objects.toString(request.getParameter("username"), "").strip();
        String known = accounts.isKnownLogin(login) ? login : null;
        if (!(throttle.admit(request.getRemoteAddr(), known) instanceof LoginThrottle.Held held)) {
            chain.doFilter(request, response);
            return;
        }
        if (held.firstRefusal()) {
            log.warn("Login attempts from {} held back until {}", request.getRemoteAddr(), held.until());
            var attempt = UsernamePasswordAuthenticationToken.unauthenticated(login, null);
            attempt.setDetails(details.buildDetails(request));
            events.publishEvent(new LoginThrottledEvent(attempt, held.until()));
        }
        long seconds = Math.max(0, Duration.between(clock.instant(), held.until()).toSeconds());
        response.sendRedirect(request.getContextPath() + "/login?throttled=" + Math.max(1, (seconds + 59) / 60));
    }
}
