package app.ombud.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durable file backend through the real driver: what was acknowledged is in the part of the
 * file that reached the disk.
 *
 * <p>Copying the store file while the server runs would not show that: the copy reads the OS page
 * cache, which also holds what was written but never synced (a {@code kill -9} keeps the page
 * cache, a power cut does not). So the store here keeps an image of its file as of each
 * {@code sync()}, and the test opens the last image: that is what a power cut would leave. (The
 * forked {@code AcknowledgedWritesSurviveKillIT} covers the process crash end to end.)
 */
class DurableH2BackendTest {

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedWriteIsInWhatReachedTheDisk() throws Exception {
        var store = new ImageOnSync(dir.resolve("ombud.mv"), dir.resolve("synced.mv"));
        var server = new MongoServer(new DurableH2Backend(store));
        server.enableOplog();
        String uri = bind(server);
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        Path crashed = dir.resolve("crashed.mv");
        try (MongoClient client = MongoClients.create(uri)) {
            var docs = client.getDatabase("test").getCollection("docs");
            docs.createIndex(Indexes.ascending("n"), new IndexOptions().unique(true));
            var counters = client.getDatabase("test").getCollection("counters");

            int threads = 8;
            int writesEach = 30;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < writesEach; i++) {
                        // like platform.Sequences and an intake: take a number, then insert the record with it
                        long n = next(counters);
                        docs.insertOne(new Document("_id", "doc-" + n).append("n", n).append("text", "x".repeat(200)));
                        acknowledged.add(n);
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
            pool.shutdown();
            assertThat(acknowledged).hasSize(threads * writesEach);

            // the disk as a power cut now would leave it (the server is still running, nothing was closed)
            assertThat(store.image).as("a synced image of the file").exists();
            Files.copy(store.image, crashed);

            // reads are not synced, a write hidden in an aggregation is
            int syncs = store.syncs.get();
            docs.find(Filters.eq("n", 1L)).first();
            docs.countDocuments();
            docs.aggregate(List.of(new Document("$match", new Document("n", 2L)))).first();
            client.getDatabase("test").listCollectionNames().into(new ArrayList<>());
            assertThat(store.syncs).as("syncs for reads").hasValue(syncs);
            docs.aggregate(List.of(new Document("$match", new Document("n", 3L)), new Document("$out", "copy"))).toCollection();
            assertThat(store.syncs.get()).as("syncs for an aggregation with $out").isGreaterThan(syncs);
        } finally {
            server.shutdownNow();
        }

        var reopened = new MongoServer(IndexedH2Backend.open(crashed.toString(), 16)); // the file is ours: BSON documents
        try (MongoClient client = MongoClients.create(reopened.bindAndGetConnectionString())) {
            var docs = client.getDatabase("test").getCollection("docs");
            for (long n : acknowledged) {
                // by _id (the documents) and by n (the unique index): nothing half-written
                assertThat(docs.find(Filters.eq("_id", "doc-" + n)).first()).as("document %d", n).isNotNull();
                assertThat(docs.find(Filters.eq("n", n)).first()).as("index entry %d", n).isNotNull();
            }
            assertThat(docs.countDocuments()).isEqualTo(acknowledged.size());
            long counter = client.getDatabase("test").getCollection("counters").find().first().getLong("value");
            assertThat(counter).as("the counter never goes back behind a number in use")
                    .isGreaterThanOrEqualTo(acknowledged.stream().mapToLong(Long::longValue).max().orElseThrow());
        } finally {
            reopened.shutdownNow();
        }
    }

    /** As Ombud binds it: a write that waits for its sync holds its event loop (one of many). */
    private static String bind(MongoServer server) {
        server.bind(new InetSocketAddress("127.0.0.1", 0), 0, EmbeddedMongoConfiguration.DURABLE_WORKER_THREADS);
        return server.getConnectionString();
    }

    /** As platform.Sequences takes a number: the counter as it was before the increment, plus one. */
    private static long next(MongoCollection<Document> counters) {
        Document before = counters.findOneAndUpdate(Filters.eq("_id", "doc"), Updates.inc("value", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
        return before == null ? 1 : before.getLong("value") + 1;
    }

    @Test
    void anAnswerShowsTheDocumentAsItsWriteLeftItNotAsLaterWritesChangeIt() throws Exception {
        var store = new ImageOnSync(dir.resolve("ombud.mv"), dir.resolve("synced.mv"));
        var server = new MongoServer(new DurableH2Backend(store));
        String uri = bind(server);
        try (MongoClient client = MongoClients.create(uri)) {
            var counters = client.getDatabase("test").getCollection("counters");
            counters.insertOne(new Document("_id", "c").append("value", 0L));

            var holdSync = new CountDownLatch(1);
            var syncHeld = new CountDownLatch(1);
            store.beforeSync = () -> {
                store.beforeSync = null;
                syncHeld.countDown();
                await(holdSync);
            };
            // the first increment waits for its sync; meanwhile a second one changes the same document
            ExecutorService clients = Executors.newFixedThreadPool(2);
            var first = clients.submit(() -> counters.findOneAndUpdate(Filters.eq("_id", "c"),
                    Updates.inc("value", 1L), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
            await(syncHeld);
            var second = clients.submit(() -> counters.updateOne(Filters.eq("_id", "c"), Updates.inc("value", 1L)));
            while (counters.find().first().getLong("value") < 2) {
                Thread.sleep(1); // reads see the second increment in memory before it is on disk
            }
            holdSync.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS).getLong("value")).isEqualTo(1L);
            second.get(10, TimeUnit.SECONDS);
            clients.shutdown();
        } finally {
            server.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ombud's file store, plus a copy of the file each time it is synced: what reached the disk. */
    static final class ImageOnSync extends DurableFileStore {

        final AtomicInteger syncs = new AtomicInteger();
        final Path image;
        private final Path file;
        volatile Runnable beforeSync;

        ImageOnSync(Path file, Path image) {
            super(file.toString(), 16);
            this.file = file;
            this.image = image;
        }

        @Override
        public void sync() {
            Runnable hook = beforeSync;
            if (hook != null) {
                hook.run();
            }
            super.sync();
            try {
                // no commit writes while this runs: GroupCommit syncs outside commits, one at a time
                Files.copy(file, image, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            syncs.incrementAndGet();
        }
    }
}
