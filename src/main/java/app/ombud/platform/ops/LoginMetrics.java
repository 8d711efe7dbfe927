package app.ombud.platform.ops;

import app.ombud.platform.PortalUser;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationFailureProviderNotFoundEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * {@code ombud.logins}: sign-ins by {@code kind} ({@code portal} password logins,
 * {@code client} tokens asked by API clients) and {@code outcome} ({@code success},
 * {@code bad-credentials}, {@code locked}, {@code disabled}, {@code other}). Accounts locked
 * after too many failures are {@code ombud.login.lockouts} (directory). Bearer-token checks on
 * each API call are not counted: they are not sign-ins.
 */
@Component
class LoginMetrics {

    private final MeterRegistry meters;

    LoginMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof PortalUser) {
            count("portal", "success");
        } else if (event.getAuthentication() instanceof OAuth2AccessTokenAuthenticationToken) {
            count("client", "success");
        }
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        if (event instanceof AuthenticationFailureProviderNotFoundEvent) {
            return;
        }
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken) {
            count("portal", outcome(event));
        } else if (event.getAuthentication() instanceof OAuth2ClientAuthenticationToken) {
            count("client", outcome(event));
        }
    }

    private static String outcome(AbstractAuthenticationFailureEvent event) {
        return switch (event) {
            case AuthenticationFailureBadCredentialsEvent e -> "bad-credentials";
            case AuthenticationFailureLockedEvent e -> "locked";
            case AuthenticationFailureDisabledEvent e -> "disabled";
            default -> "other";
        };
    }

    private void count(String kind, String outcome) {
        meters.counter("ombud.logins", "kind", kind, "outcome", outcome).increment();
    }
}
