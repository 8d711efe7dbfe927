package app.ombud.platform.security;

import app.ombud.platform.Actor;
import java.util.UUID;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A call made with a personal access token: the principal is the person as they act through it
 * (the token's roles that the person still holds), so {@code CurrentActor} reads it directly.
 */
final class PersonalAccessTokenAuthentication extends AbstractAuthenticationToken {

    private final Actor actor;
    private final UUID tokenId;

    PersonalAccessTokenAuthentication(Actor actor, UUID tokenId) {
        super(actor.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList());
        this.actor = actor;
        this.tokenId = tokenId;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Actor getPrincipal() {
        return actor;
    }

    @Override
    public String getName() {
        return actor.subject();
    }

    UUID tokenId() {
        return tokenId;
    }
}
