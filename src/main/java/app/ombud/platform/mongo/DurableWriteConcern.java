package app.ombud.platform.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;

/**
 * With a real MongoDB, a write is answered once a majority of the replica set has it in its
 * journal ({@code w: "majority", j: true}), so an acknowledged write survives a crash and a
 * failover. A URI that names its own write concern ({@code w}, {@code journal} or
 * {@code wtimeoutMS}) keeps it: Boot applies the URI, and this leaves it alone.
 */
final class DurableWriteConcern implements MongoClientSettingsBuilderCustomizer {

    static final WriteConcern DEFAULT = WriteConcern.MAJORITY.withJournal(true);

    private final ConnectionString uri;

    DurableWriteConcern(ConnectionString uri) {
        this.uri = uri;
    }

    @Override
    public void customize(MongoClientSettings.Builder settings) {
        if (uri.getWriteConcern() == null) {
            settings.writeConcern(DEFAULT);
        }
    }
}
