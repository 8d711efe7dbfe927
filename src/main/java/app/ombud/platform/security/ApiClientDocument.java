package app.ombud.platform.security;

import app.ombud.platform.Role;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A registered API client: a confidential one (client-credentials grant, its secret kept only as
 * a hash) or a public one (authorization code with PKCE, no secret, its redirect URIs). Documents
 * written before public clients existed have no type and are confidential.
 */
@Document("api_clients")
class ApiClientDocument {

    @Id
    private final String clientId;
    private String name;
    private ApiClientType type;
    private String secretHash;
    private Set<Role> roles;
    private List<String> redirectUris;
    private boolean enabled;
    private final Instant createdAt;
    private final String createdBy;
    private Instant secretChangedAt;
    private Instant lastUsedAt;
    @Version
    private Long version;
    /** The request that created the client, for a repeat of it (null for bootstrap clients and old ones). */
    @Indexed(unique = true, sparse = true)
    private final UUID creationId;

    @PersistenceCreator
    ApiClientDocument(String clientId, String name, ApiClientType type, String secretHash, Set<Role> roles,
            List<String> redirectUris, boolean enabled, Instant createdAt, String createdBy, Instant secretChangedAt,
            Instant lastUsedAt, Long version, UUID creationId) {
        this.clientId = clientId;
        this.name = name;
        this.type = type == null ? ApiClientType.CONFIDENTIAL : type;
        this.secretHash = secretHash;
        this.roles = roles == null ? Set.of() : Set.copyOf(roles);
        this.redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
        this.enabled = enabled;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.secretChangedAt = secretChangedAt;
        this.lastUsedAt = lastUsedAt;
        this.version = version;
        this.creationId = creationId;
    }

    static ApiClientDocument create(UUID creationId, String clientId, String name, String secretHash,
            Set<Role> roles, Instant now, String createdBy) {
        return new ApiClientDocument(clientId, name, ApiClientType.CONFIDENTIAL, secretHash, roles, List.of(), true,
                now, createdBy, now, null, null, creationId);
    }

    static ApiClientDocument createPublic(UUID creationId, String clientId, String name, List<String> redirectUris,
            Instant now, String createdBy) {
        return new ApiClientDocument(clientId, name, ApiClientType.PUBLIC, null, Set.of(), redirectUris, true, now,
                createdBy, null, null, null, creationId);
    }

    void rename(String name) {
        this.name = name;
    }

    void changeSecret(String secretHash, Instant now) {
        this.secretHash = secretHash;
        this.secretChangedAt = now;
    }

    void assignRoles(Set<Role> roles) {
        this.roles = Set.copyOf(roles);
    }

    void redirectTo(List<String> redirectUris) {
        this.redirectUris = List.copyOf(redirectUris);
    }

    void enable(boolean enabled) {
        this.enabled = enabled;
    }

    ApiClient view() {
        return new ApiClient(clientId, name, type, roles, redirectUris, enabled, createdAt, createdBy, secretChangedAt,
                lastUsedAt, version);
    }

    String clientId() {
        return clientId;
    }

    ApiClientType type() {
        return type;
    }

    boolean isPublic() {
        return type == ApiClientType.PUBLIC;
    }

    List<String> redirectUris() {
        return redirectUris;
    }

    String secretHash() {
        return secretHash;
    }

    Set<Role> roles() {
        return roles;
    }

    boolean enabled() {
        return enabled;
    }

    Long version() {
        return version;
    }
}
