package app.ombud.platform.security;

import app.ombud.platform.PortalAccounts;
import app.ombud.platform.PortalUser;
import java.util.List;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Single sign-on for the portal through the company's identity provider (OpenID Connect,
 * authorization code), on when {@code ombud.security.sso.client-id} is set. The person is the
 * directory's person with the employee ID of the IdP's {@code employee_id} claim (configurable):
 * their roles are the directory's, not the IdP's, and someone the directory does not know, or has
 * deactivated, is sent back to the login page with the reason. Logging out ends the portal
 * session only, not the person's session at the IdP (which other company applications share).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SingleSignOn.Settings.class)
public class SingleSignOn {

    /**
     * The client registration's ID, in Spring's paths {@code /oauth2/authorization/company} and
     * {@code /login/oauth2/code/company} (the redirect URI to register at the IdP).
     */
    static final String REGISTRATION = "company";

    /** Why a sign-in through the IdP was refused: the {@code ?sso=} value on the login page. */
    public static final Set<String> REFUSALS = Set.of("no-employee-id", "unknown-person", "inactive-person", "failed");

    /**
     * Settings under {@code ombud.security.sso}: the portal's client at the IdP, the issuer
     * (default: the API's {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}), the scopes
     * to ask for and the claim that carries the employee ID.
     */
    @ConfigurationProperties("ombud.security.sso")
    public record Settings(String clientId, String clientSecret, String issuerUri, List<String> scopes,
            String employeeIdClaim) {
        public Settings {
            if (scopes == null || scopes.isEmpty()) {
                scopes = List.of("openid", "profile");
            }
            if (employeeIdClaim == null || employeeIdClaim.isBlank()) {
                employeeIdClaim = "employee_id";
            }
        }

        public boolean enabled() {
            return clientId != null && !clientId.isBlank();
        }

        /** Where the login page's button sends the browser (relative to the portal's base URL). */
        public String loginPath() {
            return "oauth2/authorization/" + REGISTRATION;
        }
    }

    /** A sign-in through the IdP that Ombud refused, with the employee ID the IdP named (if any). */
    public static final class Refused extends OAuth2AuthenticationException {
        private final String employeeId;

        Refused(String reason, String employeeId, String description) {
            super(new OAuth2Error(reason, description, null), description);
            this.employeeId = employeeId;
        }

        public String reason() {
            return getError().getErrorCode();
        }

        public String employeeId() {
            return employeeId;
        }
    }

    @Bean
    @ConditionalOnExpression("!'${ombud.security.sso.client-id:}'.isBlank()")
    ClientRegistrationRepository companyIdp(Settings settings,
            org.springframework.core.env.Environment environment) {
        String issuer = settings.issuerUri() != null && !settings.issuerUri().isBlank() ? settings.issuerUri()
                : environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri", "");
        if (issuer.isBlank()) {
            throw new IllegalStateException("ombud.security.sso.client-id is set but no issuer: set "
                    + "ombud.security.sso.issuer-uri (OMBUD_SSO_ISSUER_URI) or "
                    + "spring.security.oauth2.resourceserver.jwt.issuer-uri");
        }
        return new InMemoryClientRegistrationRepository(ClientRegistrations.fromIssuerLocation(issuer.strip())
                .registrationId(REGISTRATION)
                .clientId(settings.clientId().strip())
                .clientSecret(settings.clientSecret())
                .scope(settings.scopes())
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .build());
    }

    /** Adds the OpenID Connect login to the portal's chain, beside the login form. */
    static void configure(HttpSecurity http, String loginPage, Settings settings, PortalAccounts accounts)
            throws Exception {
        AuthenticationFailureHandler refused = (request, response, exception) -> {
            String reason = exception instanceof Refused r ? r.reason() : "failed";
            response.sendRedirect(request.getContextPath() + loginPage + "?sso=" + reason);
        };
        http.oauth2Login(oidc -> oidc.loginPage(loginPage)
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(people(settings, accounts)))
                .failureHandler(refused));
    }

    private static OAuth2UserService<OidcUserRequest, OidcUser> people(Settings settings, PortalAccounts accounts) {
        var idp = new OidcUserService();
        return request -> {
            OidcUser signedIn = idp.loadUser(request);
            String employeeId = signedIn.getClaimAsString(settings.employeeIdClaim());
            if (employeeId == null || employeeId.isBlank()) {
                throw new Refused("no-employee-id", null, "The identity provider named no employee ID (claim "
                        + settings.employeeIdClaim() + ")");
            }
            PortalUser person = accounts.findByEmployeeId(employeeId.strip()).orElseThrow(() -> new Refused(
                    "unknown-person", employeeId.strip(), "No person with this employee ID in the directory"));
            if (!person.isEnabled()) {
                throw new Refused("inactive-person", person.employeeId(), "This person is deactivated");
            }
            return new SsoPortalUser(person, signedIn);
        };
    }
}
