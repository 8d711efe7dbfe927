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
import java.util.List;
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
 * A secret is shown once, at creation or rotation, and stored only as a hash. Public clients
 * (scripts and tools a person signs in with) have no secret and no roles, only redirect URIs.
 */
@Service
public class ApiClientService {

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._-]{3,64}");
    private static final int MAX_REDIRECT_URIS = 10;
    private static final Duration ACTIVE_CACHE = Duration.ofSeconds(15);

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
                creationId -> created(creationId).map(d -> new IssuedSecret(d.view(), null)));
    }

    /** The client a creating request made, found by that request's ID. */
    private Optional<ApiClientDocument> created(UUID creationId) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("creationId").is(creationId)),
                ApiClientDocument.class));
    }

    private IssuedSecret create(UUID creationId, String clientId, String name, Set<Role> roles) {
        String given = clientIdText(clientId);
        String displayName = cleanName(name, given);
        String id = validClientId(given);
        requireRoles(roles);
        String secret = newSecret();
        var document = ApiClientDocument.create(creationId, id, displayName, passwords.encode(secret), roles,
                clock.instant(), CurrentActor.get().subject());
        try {
            mongo.insert(document);
        } catch (DuplicateKeyException e) {
            throw clientIdTaken(id);
        }
        audit.record("client.created", "ApiClient", id, Map.of("roles", names(roles)));
        return new IssuedSecret(document.view(), secret);
    }

    /**
     * Registers a public client: a script or tool that keeps no secret, with which a person signs
     * in through the portal (authorization code with PKCE) to get a token naming them.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public ApiClient createPublic(String clientId, String name, List<String> redirectUris) {
        return createPublic(clientId, name, redirectUris, IdempotencyKey.NONE);
    }

    /** Registers a public client once per key: a repeat with the same key answers the client created first. */
    @PreAuthorize("hasRole('ADMIN')")
    public ApiClient createPublic(String clientId, String name, List<String> redirectUris, IdempotencyKey key) {
        return idempotency.once("client.create-public", key, java.util.Arrays.asList(clientId, name, redirectUris),
                creationId -> createPublic(creationId, clientId, name, redirectUris),
                creationId -> created(creationId).map(ApiClientDocument::view));
    }

    private ApiClient createPublic(UUID creationId, String clientId, String name, List<String> redirectUris) {
        String given = clientIdText(clientId);
        String displayName = cleanName(name, given);
        List<String> texts = redirectUriTexts(redirectUris);
        String id = validClientId(given);
        List<String> uris = validRedirectUris(texts);
        var document = ApiClientDocument.createPublic(creationId, id, displayName, uris, clock.instant(),
                CurrentActor.get().subject());
        try {
            mongo.insert(document);
        } catch (DuplicateKeyException e) {
            throw clientIdTaken(id);
        }
        audit.record("client.created", "ApiClient", id,
                Map.of("type", ApiClientType.PUBLIC.name(), "redirectUris", String.join(" ", uris)));
        return document.view();
    }

    /** Renames a public client or changes where the sign-in may send people back. */
    @PreAuthorize("hasRole('ADMIN')")
    public ApiClient updatePublic(String clientId, String name, List<String> redirectUris, Long expectedVersion) {
        String displayName = cleanName(name, clientId);
        List<String> texts = redirectUriTexts(redirectUris);
        var document = find(clientId);
        if (!document.isPublic()) {
            throw OmbudException.badRequest("CLIENT_NOT_PUBLIC", "clientId",
                    "API client {0} uses a secret; change its roles instead", clientId);
        }
        checkVersion(document, expectedVersion);
        List<String> uris = validRedirectUris(texts);
        List<String> before = document.redirectUris();
        document.rename(displayName);
        document.redirectTo(uris);
        var saved = clients.save(document);
        if (!before.equals(uris)) {
            audit.record("client.redirect-uris-changed", "ApiClient", clientId,
                    Map.of("from", String.join(" ", before), "to", String.join(" ", uris)));
        }
        return saved.view();
    }

    @PreAuthorize("hasRole('ADMIN')")
    public ApiClient update(String clientId, String name, Set<Role> roles, Long expectedVersion) {
        String displayName = cleanName(name, clientId);
        requireRoles(roles);
        var document = find(clientId);
        requireConfidential(document);
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
        requireConfidential(document);
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

    /**
     * Registers the public client Ombud ships for scripts (loopback redirects only) unless it
     * exists: an admin who disabled or changed it keeps their choice across restarts.
     */
    void bootstrapPublic(String clientId, String name, List<String> redirectUris) {
        if (clients.existsById(clientId)) {
            return;
        }
        try {
            mongo.insert(ApiClientDocument.createPublic(null, clientId, name, redirectUris, clock.instant(),
                    Actor.SYSTEM.subject()));
            audit.record(Actor.SYSTEM, "client.created", "ApiClient", clientId, Map.of("type",
                    ApiClientType.PUBLIC.name(), "redirectUris", String.join(" ", redirectUris), "source", "built-in"));
        } catch (DuplicateKeyException e) {
            // another instance registered it at the same moment: fine
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
            throw OmbudException.concurrentUpdate();
        }
    }

    /** The client ID as typed, checked as a text first (length, characters) like every other text. */
    private static String clientIdText(String clientId) {
        String given = TextInput.optional(clientId, "clientId", TextInput.Kind.CODE);
        return given == null ? "" : given;
    }

    private static String validClientId(String id) {
        if (!CLIENT_ID.matcher(id).matches()) {
            throw OmbudException.badRequest("CLIENT_ID_INVALID", "clientId",
                    "Client ID must be 3 to 64 letters, digits, dots, dashes or underscores");
        }
        return id;
    }

    private static OmbudException clientIdTaken(String id) {
        return new OmbudException(OmbudException.Kind.CONFLICT, "CLIENT_ID_TAKEN", "clientId",
                "An API client with ID {0} exists already", id);
    }

    private static void requireConfidential(ApiClientDocument document) {
        if (document.isPublic()) {
            throw OmbudException.badRequest("CLIENT_IS_PUBLIC", "clientId",
                    "API client {0} is public: it has no secret and no roles of its own", document.clientId());
        }
    }

    /**
     * Where a sign-in may return: a loopback address over http (any port, RFC 8252 §7.3), an
     * https address, or a private-use scheme of a desktop app named like a domain
     * ({@code com.example.tool:/callback}, §7.1). No fragments, wildcards or "localhost".
     */
    /** The redirect URIs as typed, each checked as a text first (length, characters) like every other text. */
    private static List<String> redirectUriTexts(List<String> redirectUris) {
        return redirectUris == null ? null : redirectUris.stream()
                .map(uri -> TextInput.optional(uri, "redirectUris", TextInput.Kind.LINE)).toList();
    }

    static List<String> validRedirectUris(List<String> redirectUris) {
        List<String> uris = redirectUris == null ? List.of()
                : redirectUris.stream().filter(u -> u != null && !u.isBlank()).map(String::strip).distinct().toList();
        if (uris.isEmpty() || uris.size() > MAX_REDIRECT_URIS) {
            throw OmbudException.badRequest("CLIENT_REDIRECT_URIS_REQUIRED", "redirectUris",
                    "Give 1 to {0} redirect URIs", MAX_REDIRECT_URIS);
        }
        for (String uri : uris) {
            if (!redirectUriAllowed(uri)) {
                throw OmbudException.badRequest("CLIENT_REDIRECT_URI_INVALID", "redirectUris",
                        "{0} is not allowed: use http://127.0.0.1/..., https://... or an app scheme like "
                                + "com.example.tool:/callback", uri);
            }
        }
        return uris;
    }

    private static boolean redirectUriAllowed(String text) {
        if (text.contains("*")) {
            return false;
        }
        java.net.URI uri;
        try {
            uri = new java.net.URI(text);
        } catch (java.net.URISyntaxException e) {
            return false;
        }
        if (!uri.isAbsolute() || uri.getFragment() != null || uri.getRawUserInfo() != null) {
            return false;
        }
        String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        String host = uri.getHost();
        return switch (scheme) {
            case "http" -> "127.0.0.1".equals(host) || "[::1]".equals(host);
            case "https" -> host != null && !host.isBlank();
            default -> scheme.contains(".") && !uri.isOpaque();
        };
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
        return TokenHashes.random();
    }

    private record CachedState(boolean active, Instant until) {
    }
}
