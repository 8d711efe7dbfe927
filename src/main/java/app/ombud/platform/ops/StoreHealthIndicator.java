package app.ombud.platform.ops;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The health indicator {@code store} (readiness group): Ombud's database answers a {@code ping}.
 * It goes through the same client as every request, so it covers the embedded server and a real
 * MongoDB alike, however either is set up. (Boot's own MongoDB indicator sends {@code hello},
 * which the embedded server does not know.)
 */
@Component("store")
class StoreHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    StoreHealthIndicator(MongoTemplate mongo) {
        super("The store did not answer");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document answer = mongo.executeCommand(new Document("ping", 1));
        boolean ok = answer.get("ok") instanceof Number number && number.doubleValue() == 1.0;
        (ok ? builder.up() : builder.down()).withDetail("database", mongo.getDb().getName());
    }
}
