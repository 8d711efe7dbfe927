package app.ombud.platform.mongo;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
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
 * with nothing installed. The H2 file backend keeps data across restarts; tests use memory.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.mongodb.uri:}'.isBlank()")
class EmbeddedMongoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);

    @Bean(destroyMethod = "shutdownNow")
    MongoServer embeddedMongoServer(EmbeddedMongoProperties properties) {
        MongoServer server = switch (properties.backend()) {
            case MEMORY -> new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
            case FILE -> new MongoServer(fileBackend(properties.path()));
        };
        server.enableOplog();
        server.bind("127.0.0.1", properties.port());
        InetSocketAddress address = server.getLocalAddress();
        log.info("Store: embedded mongo-java-server ({}{}) at mongodb://127.0.0.1:{}/ombud",
                properties.backend().name().toLowerCase(),
                properties.backend() == EmbeddedMongoProperties.Backend.FILE ? " " + Path.of(properties.path()).toAbsolutePath().normalize() : "",
                address.getPort());
        return server;
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer server) {
        ConnectionString connectionString = new ConnectionString(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/ombud");
        return () -> connectionString;
    }

    private static H2Backend fileBackend(String path) {
        Path file = Path.of(path).toAbsolutePath().normalize();
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + file.getParent(), e);
        }
        H2Backend backend = new H2Backend(file.toString());
        backend.version(ServerVersion.MONGO_5_0);
        return backend;
    }
}
