package app.ombud.notification.internal;

import app.ombud.notification.Channel;
import app.ombud.notification.Outbox;
import app.ombud.notification.OutboxEntry;
import app.ombud.notification.OutboxSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientResponseException;

/**
 * Moves pending messages from the modules into the outbox and sends what is due. Each message
 * is claimed with one atomic update (so two instances never send it at the same time), sent,
 * then marked SENT (LOGGED when its channel has no gateway), or scheduled again with exponential
 * backoff, or FAILED after the last try.
 */
@Component
public class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger("ombud.outbox");
    static final int MAX_ATTEMPTS = 6;
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(30);
    static final Duration MAX_BACKOFF = Duration.ofHours(1);
    static final Duration LEASE = Duration.ofMinutes(2);
    private static final int BATCH = 100;

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final ObjectProvider<OutboxSource> sources;
    private final Function<Channel, MessageSender> senders;
    private final Clock clock;
    private final MeterRegistry meters;

    @org.springframework.beans.factory.annotation.Autowired
    OutboxDispatcher(MongoTemplate mongo, Outbox outbox, ObjectProvider<OutboxSource> sources,
            SenderConfiguration.Senders senders, Clock clock, MeterRegistry meters) {
        this(mongo, outbox, sources, senders::forChannel, clock, meters);
    }

    /** With its own senders and clock (tests); counts into Micrometer's global registry. */
    public OutboxDispatcher(MongoTemplate mongo, Outbox outbox, ObjectProvider<OutboxSource> sources,
            Function<Channel, MessageSender> senders, Clock clock) {
        this(mongo, outbox, sources, senders, clock, Metrics.globalRegistry);
    }

    public OutboxDispatcher(MongoTemplate mongo, Outbox outbox, ObjectProvider<OutboxSource> sources,
            Function<Channel, MessageSender> senders, Clock clock, MeterRegistry meters) {
        this.meters = meters;
        this.mongo = mongo;
        this.outbox = outbox;
        this.sources = sources;
        this.senders = senders;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${ombud.notification.dispatch-interval:PT10S}",
            initialDelayString = "${ombud.notification.dispatch-initial-delay:PT15S}")
    @SchedulerLock(name = "outbox-dispatch", lockAtMostFor = "${ombud.notification.dispatch-interval:PT10S}")
    public void run() {
        relay();
        dispatchDue();
    }

    /** Hands messages waiting in module documents over to the outbox. */
    public int relay() {
        int moved = 0;
        for (OutboxSource source : sources) {
            var pending = source.pendingMessages(BATCH);
            if (pending.isEmpty()) {
                continue;
            }
            pending.forEach(outbox::enqueue);
            source.relayed(pending);
            moved += pending.size();
        }
        return moved;
    }

    /** Sends every message that is due now; returns how many attempts were made. */
    public int dispatchDue() {
        int attempts = 0;
        OutboxDocument message;
        while (attempts < BATCH && (message = claim()) != null) {
            attempts++;
            attempt(message);
        }
        return attempts;
    }

    private OutboxDocument claim() {
        Instant now = clock.instant();
        Criteria due = new Criteria().orOperator(
                Criteria.where("status").is(OutboxEntry.Status.PENDING).and("nextAttemptAt").lte(now),
                Criteria.where("status").is(OutboxEntry.Status.SENDING).and("leaseUntil").lte(now));
        Query query = Query.query(due).with(Sort.by("nextAttemptAt"));
        return mongo.findAndModify(query, new Update().set("status", OutboxEntry.Status.SENDING)
                        .set("leaseUntil", now.plus(LEASE)).inc("attempts", 1),
                FindAndModifyOptions.options().returnNew(false), OutboxDocument.class);
    }

    private void attempt(OutboxDocument claimed) {
        int attempt = claimed.attempts() + 1;
        String note = claimed.status() == OutboxEntry.Status.SENDING
                ? "sent again after an interrupted attempt" : null;
        Query mine = Query.query(Criteria.where("_id").is(claimed.id()).and("status").is(OutboxEntry.Status.SENDING)
                .and("attempts").is(attempt));
        try {
            MessageSender sender = senders.apply(claimed.channel());
            sender.send(claimed);
            OutboxEntry.Status outcome = sender.outcome();
            mongo.updateFirst(mine, new Update().set("status", outcome).set("sentAt", clock.instant())
                    .set("lastError", note).unset("leaseUntil"), OutboxDocument.class);
            count(claimed, outcome.name());
        } catch (Exception e) {
            String error = describe(e);
            Update update = new Update().set("lastError", error).unset("leaseUntil");
            if (attempt >= MAX_ATTEMPTS) {
                update.set("status", OutboxEntry.Status.FAILED);
                log.warn("{} {} failed for good after {} attempts: {}", claimed.channel(), claimed.id(), attempt,
                        brief(e));
                count(claimed, OutboxEntry.Status.FAILED.name());
            } else {
                update.set("status", OutboxEntry.Status.PENDING).set("nextAttemptAt",
                        clock.instant().plus(backoff(attempt)));
                log.info("{} {} attempt {} failed, will retry: {}", claimed.channel(), claimed.id(), attempt,
                        brief(e));
                count(claimed, "RETRY");
            }
            mongo.updateFirst(mine, update, OutboxDocument.class);
        }
    }

    /** {@code ombud.outbox.deliveries}: attempts by channel and outcome (SENT, LOGGED, RETRY, FAILED). */
    private void count(OutboxDocument message, String outcome) {
        meters.counter("ombud.outbox.deliveries", "channel", message.channel().name(), "outcome", outcome).increment();
    }

    static Duration backoff(int attempt) {
        Duration delay = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt - 1, 20));
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }

    /**
     * For the log: the kind of failure, not its message, which may quote the gateway's answer
     * (the number, the text). The whole message is the outbox entry's lastError, for admins.
     */
    private static String brief(Exception e) {
        return e instanceof RestClientResponseException http
                ? e.getClass().getSimpleName() + " " + http.getStatusCode().value()
                : e.getClass().getSimpleName();
    }

    private static String describe(Exception e) {
        String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
