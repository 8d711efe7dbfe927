package app.ombud.platform.mongo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where and how the embedded store keeps its data when no MongoDB URI is configured.
 *
 * @param sync whether the file backend puts every write on disk before answering it (the default);
 *        false is mongo-java-server's own behaviour: a commit every second and no sync, faster but
 *        a crash loses the writes of the last second or so
 */
@ConfigurationProperties("ombud.mongodb.embedded")
record EmbeddedMongoProperties(Backend backend, String path, int port, Boolean sync) {

    enum Backend { FILE, MEMORY }

    EmbeddedMongoProperties {
        if (backend == null) {
            backend = Backend.FILE;
        }
        if (path == null || path.isBlank()) {
            path = "./data/ombud.mv";
        }
        if (sync == null) {
            sync = true;
        }
    }
}
