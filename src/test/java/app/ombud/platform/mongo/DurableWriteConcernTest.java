package app.ombud.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The write concern of the MongoClient that Boot builds for an external MongoDB. Nothing connects:
 * a client knows its write concern before its first operation (no MongoDB server exists here).
 */
class DurableWriteConcernTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MongoAutoConfiguration.class))
            .withUserConfiguration(ExternalMongoConfiguration.class);

    @Test
    void byDefaultAWriteIsAcknowledgedOnceAMajorityHasItInTheJournal() {
        context.withPropertyValues("spring.mongodb.uri=mongodb://127.0.0.1:9,127.0.0.1:10/ombud?replicaSet=rs0")
                .run(c -> assertThat(writeConcern(c.getBean(MongoClient.class)))
                        .isEqualTo(WriteConcern.MAJORITY.withJournal(true)));
    }

    @Test
    void aWriteConcernNamedInTheUriIsKept() {
        context.withPropertyValues("spring.mongodb.uri=mongodb://127.0.0.1:9/ombud?w=1")
                .run(c -> assertThat(writeConcern(c.getBean(MongoClient.class))).isEqualTo(WriteConcern.W1));
        context.withPropertyValues("spring.mongodb.uri=mongodb://127.0.0.1:9/ombud?journal=false")
                .run(c -> assertThat(writeConcern(c.getBean(MongoClient.class)))
                        .isEqualTo(WriteConcern.ACKNOWLEDGED.withJournal(false)));
        context.withPropertyValues("spring.mongodb.uri=mongodb://127.0.0.1:9/ombud?w=2&wtimeoutMS=5000")
                .run(c -> assertThat(writeConcern(c.getBean(MongoClient.class)))
                        .isEqualTo(new WriteConcern(2).withWTimeout(5000, TimeUnit.MILLISECONDS)));
    }

    @Test
    void theEmbeddedStoreIsLeftAlone() {
        context.run(c -> assertThat(c).doesNotHaveBean(DurableWriteConcern.class));
    }

    private static WriteConcern writeConcern(MongoClient client) {
        return client.getDatabase("ombud").getWriteConcern();
    }
}
