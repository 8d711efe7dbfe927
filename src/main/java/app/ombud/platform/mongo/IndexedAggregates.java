package app.ombud.platform.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.List;
import java.util.Locale;

/**
 * An aggregation that starts with {@code $match} reads only what the match's index yields.
 * mongo-java-server runs every pipeline over the whole collection, loaded into a list first
 * ({@code Aggregation.runStages()}); the 5.x driver's {@code countDocuments}, which every Spring
 * {@code count} is, is such a pipeline ({@code $match}, {@code $group} of {@code $sum: 1}). Here
 * the pipeline runs, unchanged (the match is applied again), over the documents the collection's
 * query for the match returns, which its indexes narrow ({@link IndexedQueries}).
 */
final class IndexedAggregates {

    private IndexedAggregates() {
    }

    /** The answer, or null when the command is not such an aggregation: then the database answers it. */
    static Document answer(MongoDatabase database, String command, Document query, DatabaseResolver resolver,
            Oplog oplog) {
        if (!"aggregate".equals(command.toLowerCase(Locale.ROOT)) || !(query.get("aggregate") instanceof String name)
                || !(query.get("pipeline") instanceof List<?> stages) || stages.isEmpty()
                || !(stages.get(0) instanceof Document first) || first.size() != 1
                || !(first.get("$match") instanceof Document match)) {
            return null;
        }
        MongoCollection<?> collection = database.resolveCollection(name, false);
        if (collection == null || IndexedQueries.plan(indexes(collection), match, null, 0) == null) {
            return null;
        }
        Aggregation aggregation = Aggregation.fromPipeline(Aggregation.parse(stages), resolver, database, collection,
                oplog);
        aggregation.validate(query);
        List<Document> result = aggregation.runStages(collection.handleQueryAsStream(match));
        Document cursor = new Document("id", 0L).append("ns", database.getDatabaseName() + "." + name)
                .append("firstBatch", result);
        return new Document("cursor", cursor).append("ok", 1.0);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List indexes(MongoCollection<?> collection) {
        return collection.getIndexes();
    }
}
