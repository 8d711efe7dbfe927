package app.ombud.platform.scheduling;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
 * themselves with {@code @Scheduled} and {@code @SchedulerLock(name = ..., lockAtMostFor = <the
 * same interval>)}: after a crash the job runs again within one interval ({@link JobLocks}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ombud.scheduling.enabled", havingValue = "true", matchIfMissing = true)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT1M")
class SchedulingConfiguration {

    static final String COLLECTION = "shedlock";

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService lockKeepAlive() {
        return Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("shedlock-keep-alive").factory());
    }

    @Bean
    LockProvider lockProvider(MongoTemplate mongo, ScheduledExecutorService lockKeepAlive, MeterRegistry meters,
            Clock clock) {
        var collection = mongo.getCollection(COLLECTION);
        return new JobLocks(new MongoLockProvider(collection), collection, lockKeepAlive, meters, clock);
    }
}
