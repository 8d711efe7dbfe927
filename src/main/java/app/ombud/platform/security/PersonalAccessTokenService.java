package app.ombud.platform.security;

import app.ombud.platform.Actor;
import app.ombud.platform.AuditTrail;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.Idempotency;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.OmbudException;
import app.ombud.platform.PersonStandings.PersonStanding;
import app.ombud.platform.PersonStandings;
import app.ombud.platform.PersonalAccessTokens;
import app.ombud.platform.Role;
import app.ombud.platform.StaffOnly;
import app.ombud.platform.TextInput;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Service;

/**
 * Personal access tokens ({@link PersonalAccessTokens}): made by a signed-in person for themself,
 * checked on every API call that carries one. A token is {@code ombud_pat_} and 43 random
 * characters; only its SHA-256 is stored, so the check is one lookup by an indexed hash plus one
 * read of the person, and the last use is written at most once a minute.
 */
@Service
class PersonalAccessTokenService implements PersonalAccessTokens {

    /** What every personal access token starts with, so the API tells it from a JWT at once. */
    static final String PREFIX = "ombud_pat_";

    private static final int MAX_LISTED = 100;
    private static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);
    private static final String TARGET = "PersonalAccessToken";

    private final MongoTemplate mongo;
    private final PersonStandings people;
    private final AuditTrail audit;
    private final Clock clock;
    private final PersonTokenProperties properties;
    private final Idempotency idempotency;

    PersonalAccessTokenService(MongoTemplate mongo, PersonStandings people, AuditTrail audit, Clock clock,
            PersonTokenProperties properties, Idempotency idempotency) {
        this.mongo = mongo;
        this.idempotency = idempotency;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
        this.properties = properties;
    }

    @Override
    public Duration maxLifetime() {
        return properties.patMaxLifetime();
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    public List<PersonalAccessToken> mine() {
        String owner = person(CurrentActor.required());
        Instant now = clock.instant();
        Query query = Query.query(Criteria.where("owner").is(owner))
                .with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(MAX_LISTED);
        return mongo.find(query, PersonalAccessTokenDocument.class).stream().map(t -> t.view(now)).toList();
    }

    /**
     * Only a person makes tokens, for themself, after signing in: a personal access token cannot
     * make another (that would outlive its expiry or widen its roles). The roles must be ones the
     * caller holds now, both in the directory and in the credential they signed in with.
     */
    @Override
    @StaffOnly
    public IssuedToken create(String name, Instant expiresAt, Set<Role> roles) {
        return create(name, expiresAt, roles, IdempotencyKey.NONE);
    }

    @Override
    @StaffOnly
    public IssuedToken create(String name, Instant expiresAt, Set<Role> roles, IdempotencyKey key) {
        CurrentActor.requirePerson();
        return idempotency.once("pat.create", key, java.util.Arrays.asList(name, expiresAt, roles),
                id -> create(id, name, expiresAt, roles),
                id -> Optional.ofNullable(mongo.findById(id, PersonalAccessTokenDocument.class))
                        .map(document -> new IssuedToken(document.view(clock.instant()), null)));
    }

    private IssuedToken create(UUID id, String name, Instant expiresAt, Set<Role> roles) {
        String cleanName = TextInput.required(name, "name", TextInput.Kind.NAME);
        Actor actor = CurrentActor.required();
        String owner = person(actor);
        if (SecurityContextHolder.getContext().getAuthentication() instanceof PersonalAccessTokenAuthentication) {
            throw OmbudException.forbidden("PAT_NEEDS_SIGN_IN",
                    "Sign in to make a personal access token; a personal access token cannot make another");
        }
        PersonStanding standing = people.find(owner).filter(PersonStanding::mayAct)
                .orElseThrow(() -> OmbudException.forbidden("PAT_PERSON_INACTIVE",
                        "Only an active person of the directory can hold personal access tokens"));
        if (standing.passwordChangeRequired()) {
            throw OmbudException.forbidden("PASSWORD_CHANGE_REQUIRED",
                    "Choose your own password under My account first");
        }
        Instant now = clock.instant();
        if (expiresAt == null) {
            throw OmbudException.badRequest("REQUIRED", "expiresAt", "{0} is required", "expiresAt");
        }
        if (!expiresAt.isAfter(now)) {
            throw OmbudException.badRequest("PAT_EXPIRY_PAST", "expiresAt", "The expiry must lie in the future");
        }
        if (expiresAt.isAfter(now.plus(maxLifetime()))) {
            throw OmbudException.badRequest("PAT_EXPIRY_TOO_FAR", "expiresAt",
                    "A personal access token lasts at most {0} days", maxLifetime().toDays());
        }
        if (roles == null || roles.isEmpty()) {
            throw OmbudException.badRequest("PAT_ROLES_REQUIRED", "roles", "Give the token at least one of your roles");
        }
        for (Role role : roles) {
            if (!actor.has(role) || !standing.roles().contains(role)) {
                throw OmbudException.badRequest("PAT_ROLE_NOT_HELD", "roles", "You do not hold the role {0}",
                        new OmbudException.Label(role.labelKey(), role.name()));
            }
        }
        long active = mongo.count(Query.query(Criteria.where("owner").is(owner).and("revokedAt").is(null)
                .and("expiresAt").gt(now)), PersonalAccessTokenDocument.class);
        if (active >= properties.patMaxPerPerson()) {
            throw OmbudException.conflict("PAT_LIMIT_REACHED",
                    "You hold {0} working personal access tokens already; revoke one first",
                    properties.patMaxPerPerson());
        }
        String secret = PREFIX + TokenHashes.random();
        var document = new PersonalAccessTokenDocument(id, TokenHashes.sha256(secret), owner,
                cleanName, EnumSet.copyOf(roles), now, expiresAt, null, null, null);
        mongo.insert(document);
        audit.record("pat.created", TARGET, document.id().toString(), Map.of("name", cleanName,
                "roles", names(document.roles()), "expiresAt", expiresAt.toString()));
        return new IssuedToken(document.view(now), secret);
    }

    @Override
    @StaffOnly
    public PersonalAccessToken revoke(UUID id) {
        Actor actor = CurrentActor.required();
        String owner = person(actor);
        Instant now = clock.instant();
        Query own = Query.query(Criteria.where("_id").is(id).and("owner").is(owner));
        var revoked = mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("owner").is(owner)
                        .and("revokedAt").is(null)),
                new Update().set("revokedAt", now).set("revokedBy", actor.subject()),
                FindAndModifyOptions.options().returnNew(true), PersonalAccessTokenDocument.class);
        if (revoked == null) {
            // already revoked (nothing to do) or not one of the caller's
            var existing = mongo.findOne(own, PersonalAccessTokenDocument.class);
            if (existing == null) {
                throw OmbudException.notFound("PAT_NOT_FOUND", "You hold no personal access token {0}", id);
            }
            return existing.view(now);
        }
        audit.record("pat.revoked", TARGET, id.toString(), Map.of("name", revoked.name()));
        return revoked.view(now);
    }

    /**
     * The check on every API call with a personal access token. A refusal of a known token
     * (revoked, expired, its person deactivated or locked) is audited under the person; an unknown
     * token names nobody and is refused like any bad bearer token.
     */
    PersonalAccessTokenAuthentication authenticate(String token) {
        var document = mongo.findOne(Query.query(Criteria.where("hash").is(TokenHashes.sha256(token))),
                PersonalAccessTokenDocument.class);
        if (document == null) {
            throw new InvalidBearerTokenException("Unknown personal access token");
        }
        Instant now = clock.instant();
        PersonStanding standing = people.find(document.owner()).orElse(null);
        String refusal = switch (document.status(now)) {
            case REVOKED -> "revoked";
            case EXPIRED -> "expired";
            case ACTIVE -> standing == null || !standing.active() ? "person-inactive"
                    : standing.locked() ? "person-locked" : null;
        };
        if (refusal != null) {
            var owner = new Actor(Actor.Kind.PERSON, document.owner(),
                    standing == null ? document.owner() : standing.name(), document.owner(), Set.of());
            audit.record(owner, "pat.refused", TARGET, document.id().toString(),
                    Map.of("reason", refusal, "name", document.name()));
            throw new InvalidBearerTokenException("Personal access token refused: " + refusal);
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(document.roles());
        roles.retainAll(standing.roles());
        if (document.lastUsedAt() == null || document.lastUsedAt().isBefore(now.minus(USE_RECORDED_EVERY))) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(document.id())),
                    new Update().set("lastUsedAt", now), PersonalAccessTokenDocument.class);
        }
        var actor = new Actor(Actor.Kind.PERSON, document.owner(), standing.name(), document.owner(), roles);
        return new PersonalAccessTokenAuthentication(actor, document.id());
    }

    /** Personal access tokens belong to people: an API client has none (PERSON_REQUIRED). */
    private static String person(Actor actor) {
        return CurrentActor.requirePerson().employeeId();
    }

    private static String names(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }
}
