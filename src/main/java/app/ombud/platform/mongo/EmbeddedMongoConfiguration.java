package app.ombud.platform.mongo;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts mongo-java-server when no MongoDB URI is configured, so Ombud runs on a fresh machine
 * with nothing installed. The H2 file backend keeps data across restarts and, unless
 * {@code ombud.mongodb.embedded.sync} is false, puts every write on disk before answering it
 * ({@link DurableH2Backend}); tests use memory. Both backends build the indexes Ombud declares,
 * which mongo-java-server itself would accept and ignore ({@link SortedIndex}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.mongodb.uri:}'.isBlank()")
class EmbeddedMongoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);

    /**
     * Netty event-loop threads of the embedded server. A durable write holds its event loop until
     * its group is synced, and every connection is served by one loop, so the default (two per
     * core) would let at most four writes share a sync on two cores and make the other
     * connections of a blocked loop wait. The driver opens a connection per concurrent request.
     */
    static final int DURABLE_WORKER_THREADS = 32;

    @Bean(destroyMethod = "shutdownNow")
    MongoServer embeddedMongoServer(EmbeddedMongoProperties properties) {
        boolean file = properties.backend() == EmbeddedMongoProperties.Backend.FILE;
        boolean durable = file && properties.sync();
        MongoServer server = new MongoServer(file ? fileBackend(properties.path(), durable, properties.cacheMb())
                : new IndexedMemoryBackend().version(ServerVersion.MONGO_5_0));
        // no oplog: nothing in Ombud watches change streams, and mongo-java-server's oplog is a
        // collection that doubles every write and grows forever (in the file, for the file backend)
        server.bind(new InetSocketAddress("127.0.0.1", properties.port()), 0, durable ? DURABLE_WORKER_THREADS : 0);
        InetSocketAddress address = server.getLocalAddress();
        log.info("Store: embedded mongo-java-server ({}{}) at mongodb://127.0.0.1:{}/ombud",
                properties.backend().name().toLowerCase(),
                file ? " " + Path.of(properties.path()).toAbsolutePath().normalize() : "",
                address.getPort());
        if (file && !durable) {
            log.warn("Store: ombud.mongodb.embedded.sync=false: writes are answered before they are on disk;"
                    + " a crash or power cut loses the last second or so of answered writes");
        }
        return server;
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer server) {
        ConnectionString connectionString = new ConnectionString(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/ombud");
        return () -> connectionString;
    }

    private static H2Backend fileBackend(String path, boolean durable, int cacheMb) {
        Path file = Path.of(path).toAbsolutePath().normalize();
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + file.getParent(), e);
        }
        H2Backend backend = durable ? DurableH2Backend.open(file.toString(), cacheMb)
                : IndexedH2Backend.open(file.toString(), cacheMb);
        backend.version(ServerVersion.MONGO_5_0);
        return backend;
    }
}
