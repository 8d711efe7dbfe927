package app.ombud.platform.security;

import app.ombud.platform.Role;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What admins see of an API client; never the secret. A public client has no roles of its own
 * (its tokens carry the signed-in person's) and lists where the sign-in may send people back.
 */
public record ApiClient(String clientId, String name, ApiClientType type, Set<Role> roles, List<String> redirectUris,
        boolean enabled, Instant createdAt, String createdBy, Instant secretChangedAt, Instant lastUsedAt,
        Long version) {

    public ApiClient {
        roles = Set.copyOf(roles);
        redirectUris = List.copyOf(redirectUris);
    }
}
