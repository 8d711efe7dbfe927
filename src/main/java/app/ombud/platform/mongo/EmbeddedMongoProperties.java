package app.ombud.platform.mongo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where and how the embedded store keeps its data when no MongoDB URI is configured.
 *
 * @param sync whether the file backend puts every write on disk before answering it (the default);
 *        false is mongo-java-server's own behaviour: a commit every second and no sync, faster but
 *        a crash loses the writes of the last second or so
 * @param cacheMb the file backend's page cache in megabytes (default 64): the documents and
 *        index pages it keeps on the heap; the rest stays in the file
 */
@ConfigurationProperties("ombud.mongodb.embedded")
record EmbeddedMongoProperties(Backend backend, String path, int port, Boolean sync, Integer cacheMb) {

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
        if (cacheMb == null) {
            cacheMb = 64;
        }
        if (cacheMb < 1) {
            throw new IllegalArgumentException("ombud.mongodb.embedded.cache-mb must be at least 1, was " + cacheMb);
        }
    }
}
