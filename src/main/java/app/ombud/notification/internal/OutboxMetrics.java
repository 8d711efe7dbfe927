package app.ombud.notification.internal;

import app.ombud.notification.OutboxEntry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Outbox gauges, read from the store at each scrape so every instance reports the same:
 * {@code ombud.outbox.depth} (messages waiting or being sent), {@code ombud.outbox.failed}
 * (given up, waiting for an admin) and {@code ombud.outbox.oldest.pending.age} (seconds since
 * the oldest waiting message was queued; 0 when none waits). The outcome of each attempt is
 * the counter {@code ombud.outbox.deliveries} ({@link OutboxDispatcher}).
 */
@Component
class OutboxMetrics implements MeterBinder {

    private static final List<OutboxEntry.Status> WAITING = List.of(OutboxEntry.Status.PENDING,
            OutboxEntry.Status.SENDING);

    private final MongoTemplate mongo;
    private final Clock clock;

    OutboxMetrics(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("ombud.outbox.depth", this, m -> m.count(WAITING))
                .description("Outgoing messages waiting for their (next) attempt or being sent").register(registry);
        Gauge.builder("ombud.outbox.failed", this, m -> m.count(List.of(OutboxEntry.Status.FAILED)))
                .description("Outgoing messages given up after the last retry").register(registry);
        Gauge.builder("ombud.outbox.oldest.pending.age", this, OutboxMetrics::oldestPendingSeconds)
                .description("Seconds since the oldest waiting message was queued").baseUnit("seconds")
                .register(registry);
    }

    private double count(List<OutboxEntry.Status> statuses) {
        return mongo.count(Query.query(Criteria.where("status").in(statuses)), OutboxDocument.class);
    }

    private double oldestPendingSeconds() {
        var oldest = mongo.findOne(Query.query(Criteria.where("status").in(WAITING))
                .with(Sort.by("createdAt")).limit(1), OutboxDocument.class);
        if (oldest == null || oldest.createdAt() == null) {
            return 0;
        }
        return Math.max(0, Duration.between(oldest.createdAt(), clock.instant()).toMillis() / 1000.0);
    }
}
