package app.ombud.platform.mongo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Logs which external MongoDB Ombud uses, without the credentials in its URI. */
@Component
@ConditionalOnExpression("!'${spring.mongodb.uri:}'.isBlank()")
class StoreBanner {

    private static final Logger log = LoggerFactory.getLogger(StoreBanner.class);

    private final MongoConnectionDetails details;

    StoreBanner(MongoConnectionDetails details) {
        this.details = details;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        var cs = details.getConnectionString();
        log.info("Store: MongoDB at {} database {}", String.join(",", cs.getHosts()), cs.getDatabase());
    }
}
