package app.ombud.platform.mongo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where and how the embedded store keeps its data when no MongoDB URI is configured. */
@ConfigurationProperties("ombud.mongodb.embedded")
record EmbeddedMongoProperties(Backend backend, String path, int port) {

    enum Backend { FILE, MEMORY }

    EmbeddedMongoProperties {
        if (backend == null) {
            backend = Backend.FILE;
        }
        if (path == null || path.isBlank()) {
            path = "./data/ombud.mv";
        }
    }
}
