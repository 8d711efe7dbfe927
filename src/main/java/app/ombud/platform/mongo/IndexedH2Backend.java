package app.ombud.platform.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import java.util.List;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongo-java-server's H2 file backend with the declared non-unique indexes built
 * ({@link SortedIndex}), each an MVStore map beside the documents ({@link OnFileIndexEntries}).
 *
 * <p>The database is an inner class because H2Database opens the stored indexes in its
 * constructor, before a subclass's fields are set; the backend's store is there already.
 */
class IndexedH2Backend extends H2Backend {

    /** Names as H2Database gives them (its constants are not visible). */
    private static final String DOCUMENTS = "databases.";
    private static final String META = "meta.";
    private static final String DOCUMENT_FORMAT_KEY = "_documents.format";
    private static final String DOCUMENT_FORMAT = "bson-1";
    private static final Logger log = LoggerFactory.getLogger(IndexedH2Backend.class);

    /** A collection's documents, as BSON ({@link BsonDocumentType}). */
    static MVMap<Object, Document> documents(MVStore store, String namespace) {
        return store.openMap(DOCUMENTS + namespace, new MVMap.Builder<Object, Document>().valueType(
                new BsonDocumentType()));
    }

    /**
     * Rewrites a collection's documents that mongo-java-server kept Java-serialised as BSON, once:
     * into a map beside it (outside the "databases." names, or it would be taken for a collection), committed every 10,000 documents (a crash meanwhile leaves the old map
     * whole and the copy is started again), then the old map is replaced by the copy in one commit.
     */
    private static void toBson(MVStore store, String name) {
        if (!store.hasMap(name)) {
            return;
        }
        MVMap<Object, Object> old = store.openMap(name);
        if (old.isEmpty()) {
            store.removeMap(old);
            return;
        }
        long started = System.nanoTime();
        MVMap<Object, Document> copy = store.openMap("bson-copy." + name, new MVMap.Builder<Object, Document>()
                .valueType(new BsonDocumentType()));
        copy.clear();
        long copied = 0;
        for (var entry : old.entrySet()) {
            copy.put(entry.getKey(), (Document) entry.getValue());
            if (++copied % 10_000 == 0) {
                store.commit();
            }
        }
        store.removeMap(old);
        store.renameMap(copy, name);
        store.commit();
        log.info("Store: {} documents of {} rewritten as BSON in {} ms", copied, name,
                (System.nanoTime() - started) / 1_000_000);
    }

    IndexedH2Backend(MVStore store) {
        super(store);
    }

    /** The file opened with its page cache sized, in megabytes (H2's default is 16). */
    static IndexedH2Backend open(String fileName, int cacheMegabytes) {
        return new IndexedH2Backend(new MVStore.Builder().fileName(fileName).cacheSize(cacheMegabytes).open());
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    private final class Database extends H2Database {

        Database(String databaseName) {
            super(databaseName, IndexedH2Backend.this.getMvStore(), IndexedH2Backend.this.getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVStore store = getMvStore();
            MVMap<String, Object> meta = store.openMap(META + namespace);
            if (!DOCUMENT_FORMAT.equals(meta.get(DOCUMENT_FORMAT_KEY))) {
                toBson(store, DOCUMENTS + namespace);
                meta.put(DOCUMENT_FORMAT_KEY, DOCUMENT_FORMAT);
            }
            return new Collection(this, collectionName, options, documents(store, namespace), meta, cursorRegistry);
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                boolean sparse) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVStore store = getMvStore();
            IndexKeyOrder order = SortedIndex.order(keys);
            // the name H2Database.dropIndex removes, as for its unique indexes
            MVMap<Object[], Object> map = store.openMap(namespace + "._index_" + indexName,
                    new MVMap.Builder<Object[], Object>().keyType(new IndexKeyType(order)));
            long documents = documents(store, namespace).sizeAsLong();
            var entries = new OnFileIndexEntries(map, store.openMap(META + namespace), "_index_" + indexName, sparse,
                    documents);
            return new SortedIndex<>(indexName, keys, sparse, order, entries);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                boolean sparse) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVStore store = getMvStore();
            String ours = namespace + "._unique_" + indexName;
            String theirs = namespace + "._index_" + indexName; // mongo-java-server's, keyed by serialised KeyValues
            if (store.hasMap(theirs)) {
                store.removeMap(theirs);
            }
            boolean[] ascending = new boolean[keys.size()];
            java.util.Arrays.fill(ascending, true);
            MVMap<Object[], Object> map = store.openMap(ours,
                    new MVMap.Builder<Object[], Object>().keyType(new IndexKeyType(new IndexKeyOrder(ascending))));
            if (!sparse && map.sizeAsLong() != documents(store, namespace).sizeAsLong()) {
                map.clear(); // not the documents' keys (a crash of the unsynced store): built again from them
            }
            return new OnFileUniqueIndex(indexName, keys, sparse, map);
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            String ours = getFullCollectionNamespace(collection.getCollectionName()) + "._unique_" + indexName;
            if (getMvStore().hasMap(ours)) {
                getMvStore().removeMap(ours);
            }
        }

        @Override
        public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver,
                Oplog oplog) {
            Document answer = IndexedAggregates.answer(this, command, query, resolver, oplog);
            return answer != null ? answer : super.handleCommand(channel, command, query, resolver, oplog);
        }
    }

    private static final class Collection extends H2Collection implements IndexedQueries.Host<Object> {

        Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                MVMap<Object, Document> documents, MVMap<String, Object> meta, CursorRegistry cursorRegistry) {
            super(database, collectionName, options, documents, meta, cursorRegistry);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                Document fieldSelector) {
            return IndexedQueries.query(this, query, orderBy, skip, limit, batchSize, fieldSelector);
        }

        @Override
        public Document document(Object position) {
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
