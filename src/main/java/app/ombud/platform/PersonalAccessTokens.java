package app.ombud.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Personal access tokens: a person makes one under "My account" (or through the API) for a
 * script or tool that acts as them, with a name, an expiry and some of their roles. The token is
 * shown once and kept only as a hash; it names the person like their sign-in tokens do.
 */
public interface PersonalAccessTokens {

    /** The caller's own tokens, newest first; never the token itself. */
    List<PersonalAccessToken> mine();

    /** Makes a token for the signed-in person; the returned secret is shown this once. */
    IssuedToken create(String name, Instant expiresAt, Set<Role> roles);

    /**
     * Makes a token once per key: a repeat with the same key answers the token made first,
     * without its secret (kept only as a hash: revoke it and make another if the answer was lost).
     */
    IssuedToken create(String name, Instant expiresAt, Set<Role> roles, IdempotencyKey key);

    /** Revokes one of the caller's tokens; it is refused from the next call on. */
    PersonalAccessToken revoke(UUID id);

    /** The longest lifetime a token may be given. */
    Duration maxLifetime();

    /** Whether a token still works, ran out, or was revoked. */
    enum Status { ACTIVE, EXPIRED, REVOKED }

    /** What the owner sees of a token. */
    record PersonalAccessToken(UUID id, String name, Set<Role> roles, Instant createdAt, Instant expiresAt,
            Instant lastUsedAt, Instant revokedAt, Status status) {

        public PersonalAccessToken {
            roles = Set.copyOf(roles);
        }
    }

    /** A token just made, with its value in clear text for this one time (null for a repeated request). */
    record IssuedToken(PersonalAccessToken token, String secret) {
    }
}
