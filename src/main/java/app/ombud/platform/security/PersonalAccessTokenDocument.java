package app.ombud.platform.security;

import app.ombud.platform.PersonalAccessTokens.PersonalAccessToken;
import app.ombud.platform.PersonalAccessTokens.Status;
import app.ombud.platform.Role;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A personal access token: whose it is, what it may do and until when. The token itself is not
 * kept, only its SHA-256 ({@code hash}), by which each API call finds it.
 */
@CompoundIndex(name = "owner_createdAt", def = "{'owner': 1, 'createdAt': -1}")
@Document("personal_access_tokens")
record PersonalAccessTokenDocument(@Id UUID id, @Indexed(unique = true) String hash, String owner,
        String name, Set<Role> roles, Instant createdAt, Instant expiresAt, Instant lastUsedAt, Instant revokedAt,
        String revokedBy) {

    PersonalAccessTokenDocument {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    Status status(Instant now) {
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        return expiresAt.isAfter(now) ? Status.ACTIVE : Status.EXPIRED;
    }

    PersonalAccessToken view(Instant now) {
        return new PersonalAccessToken(id, name, roles, createdAt, expiresAt, lastUsedAt, revokedAt, status(now));
    }
}
