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
        if (collection == null) {
            return null;
        }
        List<Document> result = counted(collection, stages, match);
        if (result == null) {
            if (!IndexedQueries.narrows(indexes(collection), match)) {
                return null;
            }
            Aggregation aggregation = Aggregation.fromPipeline(Aggregation.parse(stages), resolver, database,
                    collection, oplog);
            aggregation.validate(query);
            result = aggregation.runStages(collection.handleQueryAsStream(match));
        }
        Document cursor = new Document("id", 0L).append("ns", database.getDatabaseName() + "." + name)
                .append("firstBatch", result);
        return new Document("cursor", cursor).append("ok", 1.0);
    }

    /**
     * A count ({@code $match}, then {@code $group} of one constant {@code _id} with one
     * {@code $sum: 1}, as the driver's {@code countDocuments} sends it) an index answers from its
     * entries alone ({@link IndexCounts}); null when the pipeline is not that or no index can.
     */
    private static List<Document> counted(MongoCollection<?> collection, List<?> stages, Document match) {
        if (stages.size() != 2 || !(stages.get(1) instanceof Document second) || second.size() != 1
                || !(second.get("$group") instanceof Document group) || group.size() != 2
                || !(group.get("_id") instanceof Number || group.get("_id") == null)) {
            return null;
        }
        String name = group.keySet().stream().filter(key -> !key.equals("_id")).findFirst().orElseThrow();
        if (!(group.get(name) instanceof Document sum) || sum.size() != 1
                || !(sum.get("$sum") instanceof Integer one) || one != 1) {
            return null;
        }
        @SuppressWarnings("unchecked")
        long count = IndexCounts.count(indexes(collection), match);
        if (count < 0) {
            return null;
        }
        Object n = count <= Integer.MAX_VALUE ? (Object) (int) count : (Object) count;
        return count == 0 ? List.of() : List.of(new Document("_id", group.get("_id")).append(name, n));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List indexes(MongoCollection<?> collection) {
        return collection.getIndexes();
    }
}
