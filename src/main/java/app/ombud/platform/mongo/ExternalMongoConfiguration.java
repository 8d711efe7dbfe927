package app.ombud.platform.mongo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * An external MongoDB ({@code spring.mongodb.uri} set): writes are journaled on a majority unless
 * the URI says otherwise ({@link DurableWriteConcern}), and the log names the store without the
 * credentials in its URI.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${spring.mongodb.uri:}'.isBlank()")
class ExternalMongoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ExternalMongoConfiguration.class);

    private final MongoConnectionDetails details;

    ExternalMongoConfiguration(MongoConnectionDetails details) {
        this.details = details;
    }

    @Bean
    MongoClientSettingsBuilderCustomizer durableWriteConcern() {
        return new DurableWriteConcern(details.getConnectionString());
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        var cs = details.getConnectionString();
        var writeConcern = cs.getWriteConcern() == null ? DurableWriteConcern.DEFAULT : cs.getWriteConcern();
        log.info("Store: MongoDB at {} database {}, write concern {}", String.join(",", cs.getHosts()),
                cs.getDatabase(), writeConcern.asDocument().toJson());
    }
}
