package app.ombud.calltest.internal;

import app.ombud.calltest.ScenarioFilter;
import app.ombud.platform.OmbudException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Every query and update on the field paths of {@link ScenarioDocument}. */
@Component
public class ScenarioFields {

    private final MongoTemplate mongo;

    ScenarioFields(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<ScenarioDocument> byId(UUID id) {
        return Optional.ofNullable(mongo.findById(id, ScenarioDocument.class));
    }

    public List<ScenarioDocument> byIds(Collection<UUID> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), ScenarioDocument.class);
    }

    /** Scenarios by number, newest first. */
    public Window<ScenarioDocument> search(ScenarioFilter filter, ScrollPosition position, int size) {
        Query query = new Query(criteria(filter)).with(Sort.by(Sort.Order.desc("number"), Sort.Order.asc("id")))
                .limit(size);
        return mongo.scroll(query.with(position), ScenarioDocument.class);
    }

    public long count(ScenarioFilter filter) {
        return mongo.count(new Query(criteria(filter)), ScenarioDocument.class);
    }

    private static Criteria criteria(ScenarioFilter filter) {
        List<Criteria> where = new ArrayList<>();
        if (!filter.includeRetired()) {
            where.add(Criteria.where("retired").is(false));
        }
        if (filter.type() != null) {
            where.add(Criteria.where("type").is(filter.type().name()));
        }
        if (filter.channel() != null) {
            where.add(Criteria.where("channel").is(filter.channel().name()));
        }
        if (filter.tag() != null) {
            where.add(Criteria.where("tags").is(filter.tag()));
        }
        if (filter.text() != null) {
            // free text no index bounds: the other filters' index and the page size bound it (known-unserved.txt)
            String quoted = Pattern.quote(filter.text());
            where.add(new Criteria().orOperator(Criteria.where("number").regex(quoted, "i"),
                    Criteria.where("title").regex(quoted, "i"), Criteria.where("script").regex(quoted, "i")));
        }
        return where.isEmpty() ? new Criteria() : new Criteria().andOperator(where);
    }

    public void insert(ScenarioDocument document) {
        mongo.insert(document);
    }

    /** Saves with the version read; a stale one is the conflict error. */
    public ScenarioDocument save(ScenarioDocument document) {
        try {
            return mongo.save(document);
        } catch (OptimisticLockingFailureException e) {
            throw OmbudException.concurrentUpdate();
        }
    }
}
