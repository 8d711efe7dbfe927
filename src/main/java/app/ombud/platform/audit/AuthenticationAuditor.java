package app.ombud.platform.audit;

import app.ombud.platform.Actor;
import app.ombud.platform.AuditTrail;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.PortalAccounts;
import app.ombud.platform.PortalUser;
import app.ombud.platform.security.LoginThrottledEvent;
import app.ombud.platform.security.SingleSignOn;
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
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationFailureProviderNotFoundEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Puts sign-ins into the audit trail: portal logins by password or through the company IdP (and
 * failed or throttled attempts), and tokens issued to API clients or, through a public client, to
 * a person (and failed client authentications, a wrong PKCE verifier among them). Successful
 * bearer-token checks on {@code /graphql} are not recorded: there is one per API call, and the
 * token's issue is.
 * <p>
 * A failed login names what was typed into the user field only when it is someone's login:
 * people sometimes type their password there, and the trail keeps everything forever.
 */
@Configuration(proxyBeanMethods = false)
class AuthenticationAuditor {

    private static final int MAX_LOGIN_LENGTH = 64;

    /** Actor and target of a failed login whose typed name is nobody's login. */
    static final String UNKNOWN_LOGIN = "(unknown)";

    private final AuditTrail audit;
    private final PortalAccounts accounts;

    AuthenticationAuditor(AuditTrail audit, PortalAccounts accounts) {
        this.audit = audit;
        this.accounts = accounts;
    }

    /**
     * Boot's publisher, plus a failure event for the authorization server's
     * {@link OAuth2AuthenticationException} (bad client secret, unknown client) and for a sign-in
     * through the IdP that Ombud refused, which the default publisher maps to no event at all.
     */
    @Bean
    static AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher events) {
        var publisher = new DefaultAuthenticationEventPublisher(events);
        publisher.setAdditionalExceptionMappings(Map.of(
                OAuth2AuthenticationException.class, AuthenticationFailureBadCredentialsEvent.class,
                SingleSignOn.Refused.class, AuthenticationFailureBadCredentialsEvent.class));
        return publisher;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        Authentication authentication = event.getAuthentication();
        if (authentication.getPrincipal() instanceof PortalUser user) {
            Map<String, String> details = new LinkedHashMap<>(origin(authentication));
            details.put("method", authentication instanceof OAuth2LoginAuthenticationToken ? "sso" : "password");
            audit.record(CurrentActor.of(authentication), "auth.login", "Person", user.getUsername(), details);
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
            String typed = String.valueOf(attempt.getPrincipal()).strip();
            String login = accounts.isKnownLogin(typed) ? clip(typed) : UNKNOWN_LOGIN;
            Map<String, String> details = new LinkedHashMap<>(origin(attempt));
            details.put("reason", reason(event));
            details.put("method", "password");
            if (event instanceof LoginThrottledEvent throttled) {
                details.put("until", throttled.until().toString());
            }
            audit.record(new Actor(Actor.Kind.PERSON, login, login, null, Set.of()), "auth.login-failed", "Person",
                    login, details);
        } else if (attempt instanceof OAuth2LoginAuthenticationToken
                && event.getException() instanceof SingleSignOn.Refused refused) {
            // the employee ID comes from the IdP's token, not from what someone typed
            String employeeId = refused.employeeId() == null ? UNKNOWN_LOGIN : clip(refused.employeeId());
            Map<String, String> details = new LinkedHashMap<>(origin(attempt));
            details.put("reason", refused.reason());
            details.put("method", "sso");
            audit.record(new Actor(Actor.Kind.PERSON, employeeId, employeeId, null, Set.of()), "auth.login-failed",
                    "Person", employeeId, details);
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
        if (event instanceof LoginThrottledEvent) {
            return "throttled";
        }
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
