package app.ombud.platform.security;

import app.ombud.platform.PortalUser;
import java.util.Map;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A person signed in through the company's IdP: the directory's {@link PortalUser} (name, roles)
 * that is also the OpenID Connect user Spring's login keeps in the session.
 */
final class SsoPortalUser extends PortalUser implements OidcUser {

    private final OidcIdToken idToken;
    private final OidcUserInfo userInfo;
    private final Map<String, Object> claims;

    SsoPortalUser(PortalUser person, OidcUser signedIn) {
        super(person.getUsername(), "", true, true, person.getAuthorities(), person.displayName(),
                person.employeeId(), false);
        this.idToken = signedIn.getIdToken();
        this.userInfo = signedIn.getUserInfo();
        this.claims = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(signedIn.getClaims()));
    }

    @Override
    public Map<String, Object> getClaims() {
        return claims;
    }

    @Override
    public OidcUserInfo getUserInfo() {
        return userInfo;
    }

    @Override
    public OidcIdToken getIdToken() {
        return idToken;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return claims;
    }

    @Override
    public String getName() {
        return getUsername();
    }
}
