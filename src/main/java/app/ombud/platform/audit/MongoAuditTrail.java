package app.ombud.platform.audit;

import app.ombud.platform.Actor;
import app.ombud.platform.AuditTrail;
import app.ombud.platform.CurrentActor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

@Service
class MongoAuditTrail implements AuditTrail {

    private static final Logger log = LoggerFactory.getLogger("ombud.audit");

    private final MongoTemplate mongo;
    private final Clock clock;

    MongoAuditTrail(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public void record(String action, String targetType, String targetId, Map<String, String> details) {
        record(CurrentActor.get(), action, targetType, targetId, details);
    }

    @Override
    public void record(Actor actor, String action, String targetType, String targetId, Map<String, String> details) {
        var entry = new AuditEntryDocument(UUID.randomUUID(), clock.instant(), actor.kind(), actor.subject(),
                actor.name(), action, targetType, targetId, Map.copyOf(details));
        mongo.insert(entry);
        log.info("{} by {} on {} {}", action, actor.subject(), targetType, targetId);
    }

    @Override
    @PreAuthorize("hasRole('ADMIN')")
    public Window<Entry> page(Filter filter, ScrollPosition position, int size) {
        Query query = matching(filter);
        query.with(Sort.by(Sort.Order.desc("at"), Sort.Order.asc("id"))).limit(size);
        return mongo.scroll(query.with(position), AuditEntryDocument.class)
                .map(d -> new Entry(d.id(), d.at(), d.actorKind(), d.actor(), d.actorName(), d.action(),
                        d.targetType(), d.targetId(), d.details()));
    }

    @Override
    @PreAuthorize("hasRole('ADMIN')")
    public long count(Filter filter) {
        return mongo.count(matching(filter), AuditEntryDocument.class);
    }

    private static Query matching(Filter filter) {
        List<Criteria> where = new ArrayList<>();
        if (filter.action() != null && !filter.action().isBlank()) {
            where.add(Criteria.where("action").regex("^" + Pattern.quote(filter.action().strip())));
        }
        if (filter.actor() != null && !filter.actor().isBlank()) {
            where.add(Criteria.where("actor").is(filter.actor().strip()));
        }
        if (filter.targetId() != null && !filter.targetId().isBlank()) {
            where.add(Criteria.where("targetId").is(filter.targetId().strip()));
        }
        if (filter.from() != null) {
            where.add(Criteria.where("at").gte(filter.from()));
        }
        if (filter.to() != null) {
            where.add(Criteria.where("at").lt(filter.to()));
        }
        Query query = new Query();
        if (!where.isEmpty()) {
            query.addCriteria(new Criteria().andOperator(where));
        }
        return query;
    }
}
