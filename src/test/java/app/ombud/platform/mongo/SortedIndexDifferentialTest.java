package app.ombud.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ombud's indexed backends answer every query as mongo-java-server's own scan does: the same
 * random documents, inserted, updated and deleted in the same order, go into an indexed store
 * and into a plain memory store, and thousands of random queries (equalities, {@code $in},
 * ranges, negations, regular expressions, keyset {@code $or}s, sorts, skips, limits, counts and
 * {@code $match} pipelines) must give the same documents in the same order.
 *
 * <p>The values are chosen to hit the edges: a field that is a number, a string, null, missing
 * or an array; mixed number types; an empty array; a sparse index; a descending compound index.
 * The file backend is also closed and reopened, and must answer the same from its stored indexes.
 */
class SortedIndexDifferentialTest {

    private static final int DOCUMENTS = 1000;
    private static final int QUERIES = 2000;

    // first, so it wins the ties on flag alone: documents whose tags are empty must still be found by flag
    private static final List<Document> INDEXES = List.of(new Document("flag", 1).append("tags", 1).append("at", -1),
            new Document("a", 1).append("b", 1),
            new Document("b", 1).append("at", -1), new Document("at", -1),
            new Document("flag", 1).append("at", -1).append("a", 1), new Document("tags", 1),
            new Document("sub.x", 1).append("b", -1), new Document("a", 1).append("at", -1),
            new Document("b", 1).append("sub", 1)); // a sub-document as a key: updates change it in place

    private static final UUID[] UUIDS = {UUID.fromString("00000000-0000-0000-0000-000000000001"),
            UUID.fromString("00000000-0000-0000-0000-000000000002"), UUID.fromString("ffffffff-0000-0000-0000-000000000001")};

    private static final String[] WORDS = {"甲", "乙", "open", "closed", "ab", "abc", "b"};

    @TempDir
    Path dir;

    @Test
    void theMemoryBackendAnswersAsTheScanDoes() {
        compare(IndexedMemoryBackend::new, null, 11);
    }

    @Test
    void theFileBackendAnswersAsTheScanDoesAlsoAfterReopening() {
        Path file = dir.resolve("indexed.mv");
        compare(() -> IndexedH2Backend.open(file.toString(), 8), () -> IndexedH2Backend.open(file.toString(), 8), 12);
    }

    @Test
    void theDurableBackendAnswersAsTheScanDoes() {
        Path file = dir.resolve("durable.mv");
        compare(() -> DurableH2Backend.open(file.toString(), 8), null, 13);
    }

    private void compare(Supplier<MongoBackend> indexedBackend, Supplier<MongoBackend> reopened, long seed) {
        Random random = new Random(seed);
        MongoServer indexed = new MongoServer(indexedBackend.get());
        MongoServer plain = new MongoServer(new MemoryBackend());
        try (MongoClient a = MongoClients.create(uri(indexed)); MongoClient b = MongoClients.create(uri(plain))) {
            var left = a.getDatabase("test").getCollection("docs");
            var right = b.getDatabase("test").getCollection("docs");
            for (Document keys : INDEXES) {
                left.createIndex(keys);
                right.createIndex(keys);
            }
            left.createIndex(new Document("s", 1), new IndexOptions().sparse(true));
            right.createIndex(new Document("s", 1), new IndexOptions().sparse(true));
            change(random, left, right);
            int checked = query(random, left, right, QUERIES);
            assertThat(checked).isEqualTo(QUERIES);
        } finally {
            indexed.shutdownNow();
            plain.shutdownNow();
        }
        if (reopened != null) {
            // the same documents again in the reference store, then the reopened file's indexes must agree
            MongoServer again = new MongoServer(reopened.get());
            MongoServer reference = new MongoServer(new MemoryBackend());
            try (MongoClient a = MongoClients.create(uri(again)); MongoClient b = MongoClients.create(uri(reference))) {
                var left = a.getDatabase("test").getCollection("docs");
                var right = b.getDatabase("test").getCollection("docs");
                right.insertMany(left.find().into(new ArrayList<>()));
                assertThat(right.countDocuments()).isEqualTo(left.countDocuments()).isPositive();
                query(random, left, right, QUERIES / 5);
            } finally {
                again.shutdownNow();
                reference.shutdownNow();
            }
        }
    }

    private static String uri(MongoServer server) {
        var address = server.bind();
        // UUIDs as Spring Data writes them by default (binary subtype 3)
        return "mongodb://127.0.0.1:" + address.getPort() + "/?uuidRepresentation=javaLegacy";
    }

    /** Inserts, then updates and deletes at random, the same in both. */
    private static void change(Random random, MongoCollection<Document> left, MongoCollection<Document> right) {
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            batch.add(document(random, i));
            if (batch.size() == 100) {
                left.insertMany(new ArrayList<>(batch));
                right.insertMany(new ArrayList<>(batch));
                batch.clear();
            }
        }
        for (int i = 0; i < DOCUMENTS / 2; i++) {
            Bson filter = new Document("_id", "d" + random.nextInt(DOCUMENTS));
            int what = random.nextInt(10);
            if (what == 0) {
                left.deleteOne(filter);
                right.deleteOne(filter);
            } else if (what < 4) {
                Document replacement = document(random, 0);
                replacement.remove("_id");
                left.replaceOne(filter, replacement);
                right.replaceOne(filter, replacement);
            } else {
                Document set = new Document(field(random), value(random));
                Document update = random.nextInt(4) == 0 ? new Document("$unset", new Document(field(random), ""))
                        : new Document("$set", set);
                Bson which = random.nextBoolean() ? filter : new Document("b", word(random));
                left.updateMany(which, update);
                right.updateMany(which, update);
            }
        }
        assertThat(left.countDocuments()).isEqualTo(right.countDocuments());
    }

    private static Document document(Random random, int i) {
        Document document = new Document("_id", "d" + i);
        putMaybe(random, document, "a", value(random));
        putMaybe(random, document, "b", word(random));
        putMaybe(random, document, "at", Date.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(3600L * random.nextInt(500))));
        putMaybe(random, document, "flag", random.nextBoolean());
        if (random.nextInt(3) == 0) {
            List<Object> tags = new ArrayList<>();
            for (int t = random.nextInt(4); t > 0; t--) {
                tags.add(word(random));
            }
            document.put("tags", tags);
        } else {
            putMaybe(random, document, "tags", word(random));
        }
        putMaybe(random, document, "sub", new Document("x", random.nextInt(4)));
        if (random.nextInt(5) == 0) {
            document.put("s", random.nextInt(3));
        }
        return document;
    }

    private static void putMaybe(Random random, Document document, String field, Object value) {
        if (random.nextInt(8) != 0) {
            document.put(field, value);
        }
    }

    private static String field(Random random) {
        return new String[] {"a", "b", "at", "flag", "tags", "sub.x", "s"}[random.nextInt(7)];
    }

    /** Numbers of three types, strings, null: one field of mixed types, as data sometimes is. */
    private static Object value(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> null;
            case 7 -> UUIDS[random.nextInt(UUIDS.length)];
            case 1 -> word(random);
            case 2 -> (long) random.nextInt(6);
            case 3 -> random.nextInt(6) + 0.5;
            default -> random.nextInt(6);
        };
    }

    private static String word(Random random) {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private int query(Random random, MongoCollection<Document> left, MongoCollection<Document> right, int queries) {
        List<Document> sample = right.find().into(new ArrayList<>());
        int checked = 0;
        for (int q = 0; q < queries; q++) {
            Document filter = filter(random, sample);
            Document sort = sort(random);
            String what = filter.toJson() + " sort " + sort.toJson();
            int kind = random.nextInt(10);
            if (kind == 0) {
                assertThat(left.countDocuments(filter)).as(what).isEqualTo(right.countDocuments(filter));
            } else if (kind == 1) {
                List<Document> pipeline = List.of(new Document("$match", filter),
                        new Document("$group", new Document("_id", "$b").append("n", new Document("$sum", 1))),
                        new Document("$sort", new Document("_id", 1)));
                // a group's _id is its first document's value: 2 or 2L, as the order happens to be
                assertThat(json(left.aggregate(pipeline))).as(what).isEqualTo(json(right.aggregate(pipeline)));
            } else if (sort.isEmpty()) {
                assertThat(ids(left.find(filter))).as(what).containsExactlyInAnyOrderElementsOf(ids(right.find(filter)));
            } else {
                int skip = random.nextInt(4) == 0 ? random.nextInt(20) : 0;
                int limit = new int[] {0, 1, 5, 20, 51}[random.nextInt(5)];
                assertThat(left.find(filter).sort(sort).skip(skip).limit(limit).into(new ArrayList<>())).as(what)
                        .isEqualTo(right.find(filter).sort(sort).skip(skip).limit(limit).into(new ArrayList<>()));
            }
            checked++;
        }
        return checked;
    }

    private static List<String> json(Iterable<Document> documents) {
        var relaxed = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();
        List<String> json = new ArrayList<>();
        documents.forEach(d -> json.add(d.toJson(relaxed)));
        return json;
    }

    private static List<Object> ids(Iterable<Document> documents) {
        List<Object> ids = new ArrayList<>();
        documents.forEach(d -> ids.add(d.get("_id")));
        return ids;
    }

    /** A total order (ending in _id), so both stores must return the same page. */
    private static Document sort(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> new Document();
            case 1 -> new Document("at", -1).append("_id", 1);
            case 2 -> new Document("at", 1).append("_id", -1);
            case 3 -> new Document("a", 1).append("b", 1).append("_id", 1);
            case 4 -> new Document("b", -1).append("at", 1).append("_id", -1);
            case 5 -> new Document("flag", 1).append("at", -1).append("a", 1).append("_id", 1);
            case 6 -> new Document("sub.x", -1).append("b", 1).append("_id", -1);
            default -> new Document("_id", random.nextBoolean() ? 1 : -1);
        };
    }

    private static Document filter(Random random, List<Document> sample) {
        Document filter = new Document();
        for (int n = random.nextInt(4); n > 0; n--) {
            String field = field(random);
            Object value = valueOf(random, sample, field);
            filter.put(field, switch (random.nextInt(12)) {
                case 0, 1, 2 -> value;
                case 3 -> new Document("$in", Arrays.asList(valueOf(random, sample, field), valueOf(random, sample, field)));
                case 4 -> new Document("$gte", value);
                case 5 -> new Document("$lt", value);
                case 6 -> new Document("$gt", value).append("$lte", valueOf(random, sample, field));
                case 7 -> new Document("$ne", value);
                case 8 -> new Document("$exists", random.nextBoolean());
                case 9 -> new Document("$regex", "^a");
                case 10 -> new Document("$eq", value);
                default -> new Document("$nin", Arrays.asList(value));
            });
        }
        if (random.nextInt(4) == 0 && !sample.isEmpty()) {
            Document after = sample.get(random.nextInt(sample.size()));
            String[] keys = random.nextBoolean() ? new String[] {"at", "_id"} : new String[] {"flag", "at", "_id"};
            List<Document> branches = new ArrayList<>();
            for (int k = 0; k < keys.length; k++) {
                Document branch = new Document();
                for (int e = 0; e < k; e++) {
                    branch.put(keys[e], after.get(keys[e]));
                }
                branch.put(keys[k], new Document(random.nextBoolean() ? "$lt" : "$gt", after.get(keys[k])));
                branches.add(branch);
            }
            filter.put("$or", branches);
        }
        if (random.nextInt(4) == 0) {
            // who may see it: one of several fields, each with its own index (as Ombud's visibility rule)
            List<Document> anyOf = new ArrayList<>();
            for (int n = 2 + random.nextInt(3); n > 0; n--) {
                String field = new String[] {"a", "b", "flag", "sub.x", "tags", "s"}[random.nextInt(6)];
                anyOf.add(new Document(field, valueOf(random, sample, field)));
            }
            filter = new Document("$and", List.of(filter, new Document("$or", anyOf)));
        }
        if (random.nextInt(12) == 0 && !sample.isEmpty()) {
            Object id = sample.get(random.nextInt(sample.size())).get("_id");
            filter = new Document("$and", List.of(filter, new Document("_id", random.nextBoolean() ? id
                    : new Document("$in", List.of(id, "d" + random.nextInt(DOCUMENTS))))));
        }
        if (random.nextInt(10) == 0) {
            filter = new Document("$and", List.of(filter, new Document("b", word(random))));
        }
        return filter;
    }

    private static Object valueOf(Random random, List<Document> sample, String field) {
        if (sample.isEmpty() || random.nextInt(5) == 0) {
            return field.equals("at") ? Date.from(Instant.parse("2026-01-10T00:00:00Z")) : value(random);
        }
        Document document = sample.get(random.nextInt(sample.size()));
        Object value = field.equals("sub.x") && document.get("sub") instanceof Document sub ? sub.get("x")
                : document.get(field);
        return value instanceof List<?> list ? (list.isEmpty() ? null : list.get(0)) : value;
    }
}
