package app.ombud.platform.security;

import app.ombud.platform.Actor;
import app.ombud.platform.AuditTrail;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.Idempotency;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.OmbudException;
import app.ombud.platform.Role;
import app.ombud.platform.TextInput;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * API clients for BI tools and scripts: created, re-keyed, given roles and disabled by admins.
 * A secret is shown once, at creation or rotation, and stored only as a hash.
 */
@Service
public class ApiClientService {

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._-]{3,64}");
    private static final Duration ACTIVE_CACHE = Duration.ofSeconds(15);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiClientRepository clients;
    private final MongoTemplate mongo;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final Clock clock;
    private final Map<String, CachedState> activeCache = new ConcurrentHashMap<>();

    private final Idempotency idempotency;

    ApiClientService(ApiClientRepository clients, MongoTemplate mongo, PasswordEncoder passwords, AuditTrail audit,
            Clock clock, Idempotency idempotency) {
        this.clients = clients;
        this.idempotency = idempotency;
        this.mongo = mongo;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A client just created or re-keyed, with its secret in clear text for this one time; null
     * when a repeat of the creating request is answered, since the secret is kept only as a hash.
     */
    public record IssuedSecret(ApiClient client, String secret) {
    }

    @PreAuthorize("hasRole('ADMIN')")
    public Window<ApiClient> page(ScrollPosition position, int size) {
        return clients.findBy(position, Sort.by("clientId"), Limit.of(size)).map(ApiClientDocument::view);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public long count() {
        return clients.count();
    }

    @PreAuthorize("hasRole('ADMIN')")
    public ApiClient get(String clientId) {
        return find(clientId).view();
    }

    @PreAuthorize("hasRole('ADMIN')")
    public IssuedSecret create(String clientId, String name, Set<Role> roles) {
        return create(clientId, name, roles, IdempotencyKey.NONE);
    }

    /**
     * Creates a client once per key. A repeat with the same key answers the client created first,
     * without its secret: the secret is shown once and kept only as a hash (rotate it if it was lost).
     */
    @PreAuthorize("hasRole('ADMIN')")
    public IssuedSecret create(String clientId, String name, Set<Role> roles, IdempotencyKey key) {
        return idempotency.once("client.create", key, java.util.Arrays.asList(clientId, name, roles),
                creationId -> create(creationId, clientId, name, roles),
                creationId -> Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("creationId")
                        .is(creationId)), ApiClientDocument.class)).map(d -> new IssuedSecret(d.view(), null)));
    }

    private IssuedSecret create(UUID creationId, String clientId, String name, Set<Role> roles) {
        String given = TextInput.optional(clientId, "clientId", TextInput.Kind.CODE);
        String id = given == null ? "" : given;
        String displayName = cleanName(name, id);
        if (!CLIENT_ID.matcher(id).matches()) {
            throw OmbudException.badRequest("CLIENT_ID_INVALID", "clientId",
                    "Client ID must be 3 to 64 letters, digits, dots, dashes or underscores");
        }
        requireRoles(roles);
        String secret = newSecret();
        var document = ApiClientDocument.create(creationId, id, displayName, passwords.encode(secret), roles,
                clock.instant(), CurrentActor.get().subject());
        try {
            mongo.insert(document);
        } catch (DuplicateKeyException e) {
            throw OmbudException.conflict("CLIENT_ID_TAKEN", "An API client with ID {0} exists already", id);
        }
        audit.record("client.created", "ApiClient", id, Map.of("roles", names(roles)));
        return new IssuedSecret(document.view(), secret);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public ApiClient update(String clientId, String name, Set<Role> roles, Long expectedVersion) {
        String displayName = cleanName(name, clientId);
        requireRoles(roles);
        var document = find(clientId);
        checkVersion(document, expectedVersion);
        Set<Role> before = document.roles();
        document.rename(displayName);
        document.assignRoles(roles);
        var saved = clients.save(document);
        if (!before.equals(Set.copyOf(roles))) {
            audit.record("client.roles-changed", "ApiClient", clientId,
                    Map.of("from", names(before), "to", names(roles)));
        }
        return saved.view();
    }

    @PreAuthorize("hasRole('ADMIN')")
    public ApiClient setEnabled(String clientId, boolean enabled, Long expectedVersion) {
        var document = find(clientId);
        checkVersion(document, expectedVersion);
        if (document.enabled() == enabled) {
            return document.view();
        }
        document.enable(enabled);
        var saved = clients.save(document);
        activeCache.remove(clientId);
        audit.record(enabled ? "client.enabled" : "client.disabled", "ApiClient", clientId, Map.of());
        return saved.view();
    }

    @PreAuthorize("hasRole('ADMIN')")
    public IssuedSecret rotateSecret(String clientId, Long expectedVersion) {
        var document = find(clientId);
        checkVersion(document, expectedVersion);
        String secret = newSecret();
        document.changeSecret(passwords.encode(secret), clock.instant());
        var saved = clients.save(document);
        audit.record("client.secret-rotated", "ApiClient", clientId, Map.of());
        return new IssuedSecret(saved.view(), secret);
    }

    /**
     * Registers or updates the client named in the configuration. The configuration wins, so a
     * changed secret or role list takes effect at the next start.
     */
    void bootstrap(String clientId, String secret, Set<Role> roles) {
        var existing = clients.findById(clientId);
        Instant now = clock.instant();
        if (existing.isEmpty()) {
            try {
                mongo.insert(ApiClientDocument.create(null, clientId, clientId, passwords.encode(secret), roles, now,
                        Actor.SYSTEM.subject()));
                audit.record(Actor.SYSTEM, "client.created", "ApiClient", clientId,
                        Map.of("roles", names(roles), "source", "configuration"));
            } catch (DuplicateKeyException e) {
                // another instance registered it at the same moment: fine
            }
            return;
        }
        var document = existing.get();
        boolean changed = false;
        if (!passwords.matches(secret, document.secretHash())) {
            document.changeSecret(passwords.encode(secret), now);
            changed = true;
        }
        if (!document.roles().equals(roles)) {
            document.assignRoles(roles);
            changed = true;
        }
        if (changed) {
            clients.save(document);
            audit.record(Actor.SYSTEM, "client.updated", "ApiClient", clientId,
                    Map.of("roles", names(roles), "source", "configuration"));
        }
    }

    /** The stored client for the token endpoint; null when unknown or disabled. */
    ApiClientDocument findActive(String clientId) {
        return clients.findById(clientId).filter(ApiClientDocument::enabled).orElse(null);
    }

    /** Whether tokens of this client are still honoured (checked on every API call, cached briefly). */
    boolean isActive(String clientId) {
        Instant now = clock.instant();
        CachedState cached = activeCache.get(clientId);
        if (cached != null && cached.until().isAfter(now)) {
            return cached.active();
        }
        boolean active = clients.findById(clientId).map(ApiClientDocument::enabled).orElse(false);
        activeCache.put(clientId, new CachedState(active, now.plus(ACTIVE_CACHE)));
        return active;
    }

    /**
     * Notes when the client last got a token. Updated by collection name, not by entity class:
     * the typed update would increment {@code @Version}, and every token fetch would then make an
     * admin's edit with {@code expectedVersion} fail with CONCURRENT_UPDATE.
     */
    void recordUse(String clientId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(clientId)),
                new Update().set("lastUsedAt", clock.instant()), mongo.getCollectionName(ApiClientDocument.class));
    }

    private ApiClientDocument find(String clientId) {
        String id = TextInput.optional(clientId, "clientId", TextInput.Kind.CODE);
        return clients.findById(id == null ? "" : id)
                .orElseThrow(() -> OmbudException.notFound("CLIENT_NOT_FOUND", "No API client {0}", clientId));
    }

    private static void checkVersion(ApiClientDocument document, Long expectedVersion) {
        if (expectedVersion != null && !expectedVersion.equals(document.version())) {
            throw OmbudException.conflict("CONCURRENT_UPDATE",
                    "Someone else changed this record meanwhile; reload and try again");
        }
    }

    private static void requireRoles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw OmbudException.badRequest("ROLES_REQUIRED", "roles", "Give the client at least one role");
        }
    }

    private static String cleanName(String name, String fallback) {
        String clean = TextInput.optional(name, "name", TextInput.Kind.LINE);
        return clean == null ? fallback : clean;
    }

    private static String names(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private record CachedState(boolean active, Instant until) {
    }
}
