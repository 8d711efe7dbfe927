package app.ombud.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Short exclusive leases on names, held in the store so they hold across instances: for a read
 * followed by a write that must not interleave with the same work elsewhere, such as counting a
 * customer's earlier complaints before taking in one more (without a multi-document transaction,
 * DESIGN.md §3). A lease is one document, inserted to take it and deleted to give it back; a
 * holder that crashed loses it when its time is up. Names are stored hashed, since they may carry
 * personal data (a phone number).
 * <p>
 * Not ShedLock: its lock documents stay behind after each use (one per customer here, forever),
 * and it never waits for a lock.
 */
@Component
public class Leases {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final MongoTemplate mongo;
    private final Clock clock;

    Leases(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Document("leases")
    record Lease(@Id String id, UUID holder, Instant until) {
    }

    /**
     * Runs the work while holding a lease on every name (taken in sorted order, so two holders of
     * overlapping names never wait for each other); a lease is lost after {@code hold} if its holder
     * died. Refused with {@code BUSY} when the names stay taken for longer than a minute.
     */
    public <T> T exclusively(Collection<String> names, Duration hold, Supplier<T> work) {
        List<String> ids = names.stream().map(Idempotency::sha256).distinct().sorted().toList();
        UUID holder = UUID.randomUUID();
        List<String> held = new ArrayList<>();
        try {
            for (String id : ids) {
                take(id, holder, hold);
                held.add(id);
            }
            return work.get();
        } finally {
            for (String id : held.reversed()) {
                mongo.remove(Query.query(Criteria.where("_id").is(id).and("holder").is(holder)), Lease.class);
            }
        }
    }

    private void take(String id, UUID holder, Duration hold) {
        long giveUp = System.nanoTime() + WAIT.toNanos();
        long pause = 2;
        while (true) {
            Instant now = clock.instant();
            try {
                mongo.insert(new Lease(id, holder, now.plus(hold)));
                return;
            } catch (DuplicateKeyException e) {
                // a holder that died leaves its lease behind until its time is up
                mongo.remove(Query.query(Criteria.where("_id").is(id).and("until").lt(now)), Lease.class);
            }
            if (System.nanoTime() > giveUp) {
                throw OmbudException.conflict("BUSY", "Someone else is changing the same records; try again");
            }
            try {
                TimeUnit.MILLISECONDS.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw OmbudException.conflict("BUSY", "Someone else is changing the same records; try again");
            }
            pause = Math.min(pause * 2, 50);
        }
    }
}
