package app.ombud.platform.security;

import app.ombud.platform.Role;
import java.time.Instant;
import java.util.Set;

/** What admins see of an API client; never the secret. */
public record ApiClient(String clientId, String name, Set<Role> roles, boolean enabled, Instant createdAt,
        String createdBy, Instant secretChangedAt, Instant lastUsedAt, Long version) {
}
