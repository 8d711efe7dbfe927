package app.ombud.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Runs a creating request at most once per caller and {@link IdempotencyKey} (DESIGN.md §7): the
 * same caller sending the same key again — also at the same moment — gets the record the first
 * request created, and nothing else happens; the same key with a different request is refused
 * ({@code IDEMPOTENCY_KEY_REUSED}). Keys are kept for {@code ombud.idempotency.key-ttl}.
 * <p>
 * Without multi-document transactions (DESIGN.md §3) the guarantee comes from two single-document
 * writes: a <em>claim</em> per caller and key, inserted once, that fixes the ID the new record will
 * have; and the record's own insert under that ID, which the unique {@code _id} lets happen once. A
 * repeat finds the record by that ID and returns it; a repeat that comes while the first is still
 * working waits for it. A claim whose holder crashed before creating anything is taken over when
 * its lease ends, and creates the record under the same ID. A claim is released when its request
 * created nothing (a refusal), so the caller may correct the request and send it with the same key.
 */
@Component
public class Idempotency {

    private static final HexFormat HEX = HexFormat.of();

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration ttl;
    private final Duration lease;
    private final Duration wait;
    private final JsonMapper canonical = canonicalMapper();

    Idempotency(MongoTemplate mongo, Clock clock, @Value("${ombud.idempotency.key-ttl:PT24H}") Duration ttl,
            @Value("${ombud.idempotency.lease:PT20S}") Duration lease,
            @Value("${ombud.idempotency.wait:PT30S}") Duration wait) {
        this.mongo = mongo;
        this.clock = clock;
        this.ttl = ttl;
        this.lease = lease;
        this.wait = wait;
    }

    /** One caller's key for one operation; {@code resultId} is the ID the created record gets. */
    @Document("idempotency_keys")
    record Claim(@Id String id, String operation, String fingerprint, UUID resultId, Instant createdAt,
            @Indexed(expireAfter = "0s") Instant expiresAt, Instant leaseUntil) {
    }

    /**
     * Creates at most once per caller and key.
     *
     * @param operation what is created, e.g. {@code case.intake} (a key used for one operation does
     *        not count for another)
     * @param request everything the caller asked for; two requests are the same when their
     *        canonical JSON is
     * @param create creates the record under the given ID and returns it
     * @param find the record with that ID as this caller sees it, if it exists
     */
    public <T> T once(String operation, IdempotencyKey key, Object request, Function<UUID, T> create,
            Function<UUID, Optional<T>> find) {
        if (key == null || !key.present()) {
            return create.apply(UUID.randomUUID());
        }
        Actor actor = CurrentActor.required();
        String id = sha256(actor.kind() + "\n" + actor.subject() + "\n" + operation + "\n" + key.value());
        String fingerprint = sha256(operation + "\n" + canonical.writeValueAsString(request));
        long giveUp = System.nanoTime() + wait.toNanos();
        long pause = 5;
        while (true) {
            Instant now = clock.instant();
            Claim fresh = new Claim(id, operation, fingerprint, UUID.randomUUID(), now, now.plus(ttl), now.plus(lease));
            Claim claim = insertOrFind(fresh, now);
            if (claim == null) {
                continue;
            }
            if (!claim.fingerprint().equals(fingerprint)) {
                throw OmbudException.conflict("IDEMPOTENCY_KEY_REUSED",
                        "This Idempotency-Key was already used for a different request; use a new key");
            }
            Optional<T> done = find.apply(claim.resultId());
            if (done.isPresent()) {
                return done.get();
            }
            if (claim == fresh || takeOver(claim, now)) {
                return run(claim, create, find);
            }
            if (System.nanoTime() > giveUp) {
                throw OmbudException.conflict("IDEMPOTENCY_KEY_IN_PROGRESS",
                        "A request with this Idempotency-Key is still being processed; try again shortly");
            }
            sleep(pause);
            pause = Math.min(pause * 2, 200);
        }
    }

    /** The claim now held under its ID: {@code fresh} when inserted, else the existing one; null to retry. */
    private Claim insertOrFind(Claim fresh, Instant now) {
        try {
            mongo.insert(fresh);
            return fresh;
        } catch (DuplicateKeyException e) {
            Claim existing = mongo.findById(fresh.id(), Claim.class);
            if (existing != null && !existing.expiresAt().isAfter(now)) {
                mongo.remove(Query.query(Criteria.where("_id").is(existing.id()).and("expiresAt")
                        .is(existing.expiresAt())), Claim.class);
                return null;
            }
            return existing;
        }
    }

    /** The holder of this claim let its lease run out without creating anything (it crashed): take over. */
    private boolean takeOver(Claim claim, Instant now) {
        if (claim.leaseUntil().isAfter(now)) {
            return false;
        }
        var taken = mongo.findAndModify(Query.query(Criteria.where("_id").is(claim.id()).and("leaseUntil")
                .is(claim.leaseUntil())), new Update().set("leaseUntil", now.plus(lease)),
                FindAndModifyOptions.options().returnNew(true), Claim.class);
        return taken != null;
    }

    private <T> T run(Claim claim, Function<UUID, T> create, Function<UUID, Optional<T>> find) {
        T created;
        try {
            created = create.apply(claim.resultId());
        } catch (RuntimeException e) {
            // a request that took the claim over after a lease ran out may have finished meanwhile
            Optional<T> other = find.apply(claim.resultId());
            if (other.isPresent()) {
                return other.get();
            }
            release(claim);
            throw e;
        }
        if (find.apply(claim.resultId()).isEmpty()) {
            // refused without an exception (e.g. an import with errors): nothing to repeat
            release(claim);
        }
        return created;
    }

    private void release(Claim claim) {
        mongo.remove(Query.query(Criteria.where("_id").is(claim.id()).and("resultId").is(claim.resultId())),
                Claim.class);
    }

    /** Forgets the keys whose time is up (a TTL index does the same on MongoDB; the embedded store has none). */
    @Scheduled(fixedDelayString = "${ombud.idempotency.cleanup-interval:PT1H}", initialDelayString = "PT1M")
    @SchedulerLock(name = "idempotency-cleanup", lockAtMostFor = "${ombud.idempotency.cleanup-interval:PT1H}")
    void forgetExpiredKeys() {
        forgetExpired();
    }

    long forgetExpired() {
        return mongo.remove(Query.query(Criteria.where("expiresAt").lte(clock.instant())), Claim.class)
                .getDeletedCount();
    }

    private static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw OmbudException.conflict("IDEMPOTENCY_KEY_IN_PROGRESS",
                    "A request with this Idempotency-Key is still being processed; try again shortly");
        }
    }

    static String sha256(String text) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * JSON that is the same for the same request in every JVM: properties and map keys sorted, and
     * sets (whose iteration order changes from one run to the next) written in sorted order.
     */
    private static JsonMapper canonicalMapper() {
        JsonMapper plain = JsonMapper.builder().enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
        @SuppressWarnings({"rawtypes", "unchecked"})
        var sortedSets = new StdSerializer<Set>(Set.class) {
            @Override
            public void serialize(Set value, JsonGenerator generator, SerializationContext context) {
                generator.writeStartArray();
                ((Set<Object>) value).stream().map(plain::writeValueAsString).sorted()
                        .forEach(generator::writeRawValue);
                generator.writeEndArray();
            }
        };
        return plain.rebuild().addModule(new SimpleModule("sorted-sets").addSerializer(Set.class, sortedSets)).build();
    }
}
