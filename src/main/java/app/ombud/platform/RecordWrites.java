package app.ombud.platform;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The two writers of a workflow record ({@link SharedRecord}) and why they do not get in each
 * other's way:
 * <ul>
 * <li>a <b>person's step</b> ({@link #save}) is one update conditional on {@code _id} and the
 * version read: it sets every field of the document except the job-owned ones, pushes what it
 * appended to the append-only lists, and increments the version — so two people's concurrent
 * steps still give the second one {@code CONCURRENT_UPDATE} (no lost update);</li>
 * <li>a <b>job's mark</b> ({@link #mark}) is one update of fields the job owns (plus entries
 * pushed to an append-only list), conditional on the job's own condition, and leaves the version
 * as it is — so the person who read the record before the job ran saves without a conflict, and
 * the job's mark survives that save.</li>
 * </ul>
 */
@Component
public class RecordWrites {

    private final MongoTemplate mongo;

    RecordWrites(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Saves a person's change of a record read earlier; {@link OmbudException#concurrentUpdate()}
     * when someone else's step changed it meanwhile. Returns the document with its new version.
     */
    public <T extends SharedRecord> T save(T document) {
        MongoPersistentEntity<?> entity = mongo.getConverter().getMappingContext()
                .getRequiredPersistentEntity(document.getClass());
        PersistentPropertyAccessor<T> accessor = entity.getPropertyAccessor(document);
        MongoPersistentProperty versionProperty = entity.getRequiredVersionProperty();
        Object id = accessor.getProperty(entity.getRequiredIdProperty());
        Number read = (Number) accessor.getProperty(versionProperty);
        long version = read == null ? 0L : read.longValue();

        var written = new org.bson.Document();
        mongo.getConverter().write(document, written);
        Set<String> skipped = new HashSet<>(document.jobOwnedFields());
        skipped.addAll(document.appended().keySet());
        skipped.add("_id");
        skipped.add(versionProperty.getFieldName());
        var update = new Update();
        setFields("", written, skipped, update);
        for (MongoPersistentProperty property : entity) {
            String field = property.getFieldName();
            if (!written.containsKey(field) && !skipped.contains(field)) {
                update.unset(field);
            }
        }
        document.clearedJobFields().forEach(update::unset);
        for (Map.Entry<String, List<?>> appended : document.appended().entrySet()) {
            if (!appended.getValue().isEmpty()) {
                update.push(appended.getKey()).each(appended.getValue().toArray());
            }
        }
        update.inc(versionProperty.getFieldName(), 1);
        Criteria sameVersion = read == null
                ? new Criteria().orOperator(Criteria.where(versionProperty.getFieldName()).is(null),
                        Criteria.where(versionProperty.getFieldName()).is(0L))
                : Criteria.where(versionProperty.getFieldName()).is(read);
        var result = mongo.updateFirst(Query.query(Criteria.where("_id").is(id)).addCriteria(sameVersion), update,
                document.getClass());
        if (result.getMatchedCount() == 0) {
            throw OmbudException.concurrentUpdate();
        }
        accessor.setProperty(versionProperty, version + 1);
        return accessor.getBean();
    }

    /**
     * A job's step on one record: {@code update} (of fields the job owns, and pushes to append-only
     * lists) where {@code condition} holds, the version untouched. True when it changed the record
     * (false: already marked, or the condition no longer holds).
     */
    public boolean mark(Class<? extends SharedRecord> type, Object id, Criteria condition, Update update) {
        // by collection name: with the entity type, MongoTemplate would add an increment of the version
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id)).addCriteria(condition), update,
                mongo.getCollectionName(type)).getModifiedCount() > 0;
    }

    /** {@code $set} of each field, descending into sub-documents that hold a skipped path. */
    private static void setFields(String prefix, org.bson.Document fields, Set<String> skipped, Update update) {
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            String path = prefix + field.getKey();
            if (skipped.contains(path)) {
                continue;
            }
            boolean holdsSkipped = skipped.stream().anyMatch(s -> s.startsWith(path + "."));
            if (holdsSkipped && field.getValue() instanceof org.bson.Document nested) {
                setFields(path + ".", nested, skipped, update);
            } else {
                update.set(path, field.getValue());
            }
        }
    }
}
