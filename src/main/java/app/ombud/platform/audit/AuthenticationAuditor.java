package app.ombud.platform.audit;

import app.ombud.platform.Actor;
import app.ombud.platform.AuditTrail;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.PortalUser;
import com.nimbusds.jwt.JWTParser;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationFailureProviderNotFoundEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Puts sign-ins into the audit trail: portal logins (and failed attempts), and tokens issued
 * to API clients or, through a public client, to a person (and failed client authentications,
 * a wrong PKCE verifier among them). Successful bearer-token checks on {@code /graphql} are not
 * recorded: there is one per API call, and the token's issue is.
 */
@Configuration(proxyBeanMethods = false)
class AuthenticationAuditor {

    private static final int MAX_LOGIN_LENGTH = 64;

    private final AuditTrail audit;

    AuthenticationAuditor(AuditTrail audit) {
        this.audit = audit;
    }

    /**
     * Boot's publisher, plus a failure event for the authorization server's
     * {@link OAuth2AuthenticationException} (bad client secret, unknown client), which the
     * default publisher maps to no event at all.
     */
    @Bean
    static AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher events) {
        var publisher = new DefaultAuthenticationEventPublisher(events);
        publisher.setAdditionalExceptionMappings(
                Map.of(OAuth2AuthenticationException.class, AuthenticationFailureBadCredentialsEvent.class));
        return publisher;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        Authentication authentication = event.getAuthentication();
        if (authentication.getPrincipal() instanceof PortalUser user) {
            audit.record(CurrentActor.of(authentication), "auth.login", "Person", user.getUsername(),
                    origin(authentication));
        } else if (authentication instanceof OAuth2AccessTokenAuthenticationToken issued) {
            String clientId = issued.getRegisteredClient().getClientId();
            Map<String, String> details = new LinkedHashMap<>();
            if (issued.getAccessToken().getExpiresAt() != null) {
                details.put("expiresAt", issued.getAccessToken().getExpiresAt().toString());
            }
            if (!issued.getAccessToken().getScopes().isEmpty()) {
                details.put("scopes", String.join(" ", issued.getAccessToken().getScopes()));
            }
            Actor person = personNamedIn(issued.getAccessToken().getTokenValue());
            audit.record(person != null ? person : new Actor(Actor.Kind.CLIENT, clientId, clientId, null, Set.of()),
                    "auth.token-issued", "ApiClient", clientId, details);
        }
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        if (event instanceof AuthenticationFailureProviderNotFoundEvent) {
            // a manager without a provider for this kind of token (the global one, asked after
            // the authorization server's own manager already failed): not an attempt of its own
            return;
        }
        Authentication attempt = event.getAuthentication();
        if (attempt instanceof UsernamePasswordAuthenticationToken) {
            String login = clip(String.valueOf(attempt.getPrincipal()).strip());
            Map<String, String> details = new LinkedHashMap<>(origin(attempt));
            details.put("reason", reason(event));
            audit.record(new Actor(Actor.Kind.PERSON, login, login, null, Set.of()), "auth.login-failed", "Person",
                    login, details);
        } else if (attempt instanceof OAuth2ClientAuthenticationToken client) {
            String clientId = clip(String.valueOf(client.getPrincipal()).strip());
            Map<String, String> details = new LinkedHashMap<>();
            details.put("reason", event.getException() instanceof OAuth2AuthenticationException oauth
                    ? oauth.getError().getErrorCode() : reason(event));
            audit.record(new Actor(Actor.Kind.CLIENT, clientId, clientId, null, Set.of()), "auth.client-failed",
                    "ApiClient", clientId, details);
        }
    }

    /**
     * The person a token of the sign-in with PKCE names (the JWT just signed by the built-in
     * issuer), so the entry says who got it; null for a client's own token.
     */
    private static Actor personNamedIn(String token) {
        try {
            var claims = JWTParser.parse(token).getJWTClaimsSet();
            String employeeId = claims.getStringClaim(CurrentActor.EMPLOYEE_ID_CLAIM);
            if (employeeId == null) {
                return null;
            }
            String name = claims.getStringClaim("name");
            return new Actor(Actor.Kind.PERSON, employeeId, name == null ? employeeId : name, employeeId, Set.of());
        } catch (java.text.ParseException e) {
            return null;
        }
    }

    private static String reason(AbstractAuthenticationFailureEvent event) {
        if (event instanceof AuthenticationFailureLockedEvent) {
            return "locked";
        }
        if (event instanceof AuthenticationFailureDisabledEvent) {
            return "disabled";
        }
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            return "bad-credentials";
        }
        return event.getClass().getSimpleName();
    }

    private static Map<String, String> origin(Authentication authentication) {
        if (authentication.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null) {
            return Map.of("ip", web.getRemoteAddress());
        }
        return Map.of();
    }

    private static String clip(String login) {
        return login.length() <= MAX_LOGIN_LENGTH ? login : login.substring(0, MAX_LOGIN_LENGTH);
    }
}
