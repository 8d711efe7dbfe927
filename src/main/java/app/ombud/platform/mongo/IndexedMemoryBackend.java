package app.ombud.platform.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import java.util.List;
import java.util.stream.Stream;

/** mongo-java-server's memory backend with the declared non-unique indexes built ({@link SortedIndex}). */
class IndexedMemoryBackend extends MemoryBackend {

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getCursorRegistry());
    }

    private static final class Database extends MemoryDatabase {

        Database(String databaseName, CursorRegistry cursorRegistry) {
            super(databaseName, cursorRegistry);
        }

        @Override
        protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
            return new Collection(this, collectionName, options, cursorRegistry);
        }

        @Override
        protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                boolean sparse) {
            IndexKeyOrder order = SortedIndex.order(keys);
            return new SortedIndex<>(indexName, keys, sparse, order, new IndexEntries.OnHeap<>(order));
        }

        @Override
        public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver,
                Oplog oplog) {
            Document answer = IndexedAggregates.answer(this, command, query, resolver, oplog);
            return answer != null ? answer : super.handleCommand(channel, command, query, resolver, oplog);
        }
    }

    private static final class Collection extends MemoryCollection implements IndexedQueries.Host<Integer> {

        Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                CursorRegistry cursorRegistry) {
            super(database, collectionName, options, cursorRegistry);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                Document fieldSelector) {
            return IndexedQueries.query(this, query, orderBy, skip, limit, batchSize, fieldSelector);
        }

        @Override
        public Document document(Integer position) {
            return getDocument(position);
        }

        @Override
        public QueryResult match(Document query, Stream<Document> candidates, int skip, int limit, int batchSize,
                Document orderBy, Document fieldSelector) {
            return matchDocumentsFromStream(query, candidates, skip, limit, batchSize, deriveComparator(orderBy),
                    fieldSelector);
        }

        @Override
        public QueryResult scan(Document query, Document orderBy, int skip, int limit, int batchSize,
                Document fieldSelector) {
            return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
        }
    }
}
