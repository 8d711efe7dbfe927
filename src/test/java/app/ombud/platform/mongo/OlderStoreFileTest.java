package app.ombud.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.IndexOptions;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file mongo-java-server wrote (documents Java-serialised, unique indexes keyed by serialised
 * {@code KeyValue}s) is taken over at open: the documents rewritten as BSON
 * ({@link BsonDocumentType}), the unique indexes built again keyed by value
 * ({@link OnFileUniqueIndex}); they refuse a second key as before and find by key.
 */
class OlderStoreFileTest {

    @TempDir
    Path dir;

    @Test
    void aFileWrittenByMongoJavaServersOwnUniqueIndexKeepsItsConstraintAndLookups() {
        String file = dir.resolve("old.mv").toString();
        List<UUID> ids = new ArrayList<>();
        with(new H2Backend(file), docs -> {
            docs.createIndex(new Document("n", 1), new IndexOptions().unique(true));
            for (int i = 0; i < 200; i++) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                docs.insertOne(new Document("_id", id).append("n", i).append("text", "case " + i));
            }
        });
        for (int reopen = 0; reopen < 2; reopen++) {
            with(IndexedH2Backend.open(file, 8), docs -> {
                assertThat(docs.countDocuments()).isEqualTo(200);
                assertThat(docs.find(new Document("_id", ids.get(17))).first()).containsEntry("n", 17);
                assertThat(docs.find(new Document("n", 42.0)).first()).containsEntry("_id", ids.get(42));
                assertThatThrownBy(() -> docs.insertOne(new Document("_id", UUID.randomUUID()).append("n", 42L)))
                        .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
                assertThatThrownBy(() -> docs.insertOne(new Document("_id", ids.get(3)).append("n", 1000)))
                        .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
                assertThat(docs.countDocuments()).isEqualTo(200);
            });
        }
        try (var store = org.h2.mvstore.MVStore.open(file)) {
            assertThat(store.getMapNames()).contains("test.docs._unique_n_1", "test.docs._unique__id_")
                    .doesNotContain("test.docs._index_n_1", "test.docs._index__id_")
                    .noneMatch(name -> name.startsWith("bson-copy."));
            // the documents are BSON now: read with the BSON type, each is whole
            var documents = store.openMap("databases.test.docs", new org.h2.mvstore.MVMap.Builder<Object,
                    de.bwaldvogel.mongo.bson.Document>().valueType(new BsonDocumentType()));
            assertThat(documents.sizeAsLong()).isEqualTo(200);
            assertThat(documents.values()).anySatisfy(d -> assertThat(d).containsEntry("n", 5)
                    .containsEntry("text", "case 5"));
        }
        with(IndexedH2Backend.open(file, 8), docs -> {
            docs.deleteOne(new Document("n", 42));
            docs.insertOne(new Document("_id", UUID.randomUUID()).append("n", 42));
            docs.updateOne(new Document("n", 43), new Document("$set", new Document("n", 4300)));
            docs.insertOne(new Document("_id", UUID.randomUUID()).append("n", 43));
            assertThat(docs.countDocuments(new Document("n", new Document("$in", List.of(42, 43, 4300))))).isEqualTo(3);
        });
    }

    private static void with(MongoBackend backend, Consumer<com.mongodb.client.MongoCollection<Document>> work) {
        MongoServer server = new MongoServer(backend);
        var address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort()
                + "/?uuidRepresentation=javaLegacy")) {
            work.accept(client.getDatabase("test").getCollection("docs"));
        } finally {
            server.shutdownNow();
        }
    }
}
