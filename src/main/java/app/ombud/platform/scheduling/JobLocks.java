package app.ombud.platform.scheduling;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import net.javacrumbs.shedlock.core.ExtensibleLockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;
import org.bson.Document;

/**
 * The locks of scheduled jobs. Each job's {@code lockAtMostFor} is its own interval, so a lock
 * left behind by a crashed instance blocks the job for at most one interval. A run that takes
 * longer keeps its lock: ShedLock's {@link KeepAliveLockProvider} extends it every half
 * {@code lockAtMostFor} while the run is working (it supports 30 s and more; shorter locks,
 * like the outbox's 10 s, are plain: the outbox claims each message on its own, so two runs
 * that overlap never send a message twice).
 *
 * <p>Metrics: {@code ombud.jobs.runs} (timer of the runs this instance did, tag {@code job}),
 * {@code ombud.jobs.skipped} (attempts while another instance held the lock) and
 * {@code ombud.jobs.last.start.age} (seconds since any instance last started the job, read
 * from the lock collection: the lag to alert on when it grows past the interval).
 */
final class JobLocks implements LockProvider {

    static final Duration KEEP_ALIVE_MINIMUM = Duration.ofSeconds(30);

    private final ExtensibleLockProvider store;
    private final LockProvider keptAlive;
    private final MongoCollection<Document> collection;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    JobLocks(ExtensibleLockProvider store, MongoCollection<Document> collection, ScheduledExecutorService keepAlive,
            MeterRegistry meters, Clock clock) {
        this.store = store;
        this.keptAlive = new KeepAliveLockProvider(store, keepAlive);
        this.collection = collection;
        this.meters = meters;
        this.clock = clock;
    }

    @Override
    public Optional<SimpleLock> lock(LockConfiguration configuration) {
        String job = configuration.getName();
        if (known.add(job)) {
            Gauge.builder("ombud.jobs.last.start.age", this, locks -> locks.secondsSinceStart(job)).tag("job", job)
                    .description("Seconds since any instance last started the job").baseUnit("seconds")
                    .register(meters);
        }
        LockProvider provider = configuration.getLockAtMostFor().compareTo(KEEP_ALIVE_MINIMUM) >= 0 ? keptAlive : store;
        Optional<SimpleLock> lock = provider.lock(configuration);
        if (lock.isEmpty()) {
            meters.counter("ombud.jobs.skipped", "job", job).increment();
            return lock;
        }
        Timer.Sample run = Timer.start(meters);
        SimpleLock held = lock.get();
        return Optional.of(() -> {
            try {
                held.unlock();
            } finally {
                run.stop(meters.timer("ombud.jobs.runs", "job", job));
            }
        });
    }

    private double secondsSinceStart(String job) {
        Document lock = collection.find(Filters.eq("_id", job)).first();
        Date lockedAt = lock == null ? null : lock.getDate("lockedAt");
        return lockedAt == null ? Double.NaN
                : Math.max(0, Duration.between(lockedAt.toInstant(), clock.instant()).toMillis() / 1000.0);
    }
}
