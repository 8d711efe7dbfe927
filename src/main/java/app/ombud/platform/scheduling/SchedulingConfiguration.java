package app.ombud.platform.scheduling;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled jobs (deadlines, outbox, panels) run on every instance, but each run takes a
 * ShedLock lock in MongoDB so only one instance does the work (DESIGN.md §6). Jobs annotate
 * themselves with {@code @Scheduled} and {@code @SchedulerLock(name = ...)}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ombud.scheduling.enabled", havingValue = "true", matchIfMissing = true)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT5M")
class SchedulingConfiguration {

    @Bean
    LockProvider lockProvider(MongoTemplate mongo) {
        return new MongoLockProvider(mongo.getCollection("shedlock"));
    }
}
