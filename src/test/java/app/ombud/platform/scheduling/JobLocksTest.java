package app.ombud.platform.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.support.OmbudIntegrationTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Every scheduled job's lock, as ShedLock reads it from the job's annotations: a lock left
 * behind by a crashed instance stops blocking the job after one interval, and a run that goes on
 * longer than that keeps its lock alive.
 */
@OmbudIntegrationTest
class JobLocksTest {

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    MongoTemplate mongo;

    final Instant start = Instant.now();
    final ManualKeepAlive keepAlive = new ManualKeepAlive();

    /** A job as its annotations declare it (what ShedLock's scheduler proxy reads). */
    record Job(String name, Duration interval, Duration lockAtMostFor, Duration lockAtLeastFor) {
    }

    @AfterEach
    void realTime() {
        ClockProvider.setClock(Clock.systemUTC());
        keepAlive.shutdownNow();
    }

    @Test
    void everyJobIsFound() {
        assertThat(jobs()).extracting(Job::name)
                .contains("outbox-dispatch", "case-deadlines", "escalations", "reviews", "panels");
    }

    @Test
    void aLockLeftByACrashedInstanceBlocksEachJobForOneIntervalAtMost() {
        for (Job job : jobs()) {
            var collection = mongo.getCollection("shedlock-test-" + UUID.randomUUID());
            var meters = new SimpleMeterRegistry();
            var survivor = new JobLocks(new MongoLockProvider(collection), collection, keepAlive, meters,
                    Clock.systemUTC());
            at(start);
            assertThat(new MongoLockProvider(collection).lock(configuration(job)))
                    .as("%s: the crashed holder", job.name()).isPresent();
            at(start.plus(job.interval()).minusSeconds(1));
            assertThat(survivor.lock(configuration(job))).as("%s: still locked within the interval", job.name())
                    .isEmpty();
            at(start.plus(job.interval()).plusMillis(1));
            var lock = survivor.lock(configuration(job));
            assertThat(lock).as("%s: runs again one interval (%s) after the crash", job.name(), job.interval())
                    .isPresent();
            lock.get().unlock();
            assertThat(meters.counter("ombud.jobs.skipped", "job", job.name()).count()).isEqualTo(1);
            assertThat(meters.timer("ombud.jobs.runs", "job", job.name()).count()).isEqualTo(1);
        }
    }

    @Test
    void aRunLongerThanItsLockKeepsTheLockUntilItEnds() {
        var collection = mongo.getCollection("shedlock-test-" + UUID.randomUUID());
        var locks = new JobLocks(new MongoLockProvider(collection), collection, keepAlive, new SimpleMeterRegistry(),
                Clock.systemUTC());
        at(start);
        var held = locks.lock(new LockConfiguration(start, "long-run", Duration.ofMinutes(1), Duration.ZERO));
        assertThat(held).isPresent();
        at(start.plusSeconds(31));
        keepAlive.runExtensions();
        at(start.plusSeconds(75));
        var other = new MongoLockProvider(collection);
        assertThat(other.lock(new LockConfiguration(start.plusSeconds(75), "long-run", Duration.ofMinutes(1),
                Duration.ZERO))).as("still held past its first minute").isEmpty();
        held.get().unlock();
        assertThat(other.lock(new LockConfiguration(start.plusSeconds(75), "long-run", Duration.ofMinutes(1),
                Duration.ZERO))).as("free once the run ended").isPresent();
    }

    private void at(Instant instant) {
        ClockProvider.setClock(Clock.fixed(instant, ZoneOffset.UTC));
    }

    /** The lock a run of the job asks for now. */
    private static LockConfiguration configuration(Job job) {
        return new LockConfiguration(ClockProvider.now(), job.name(), job.lockAtMostFor(), job.lockAtLeastFor());
    }

    private Duration duration(String text, Duration otherwise) {
        String value = context.getEnvironment().resolveRequiredPlaceholders(text);
        return value.isBlank() ? otherwise : Duration.parse(value);
    }

    private List<Job> jobs() {
        List<Job> jobs = new ArrayList<>();
        for (String name : context.getBeanDefinitionNames()) {
            Class<?> type = context.getType(name);
            if (type == null || !type.getName().startsWith("app.ombud")) {
                continue;
            }
            ReflectionUtils.doWithMethods(ClassUtils.getUserClass(type), method -> {
                var lock = method.getAnnotation(SchedulerLock.class);
                var scheduled = method.getAnnotation(Scheduled.class);
                if (lock != null && scheduled != null) {
                    // @EnableSchedulerLock's default applies when a job names no lockAtMostFor
                    jobs.add(new Job(lock.name(), duration(scheduled.fixedDelayString(), Duration.ZERO),
                            duration(lock.lockAtMostFor(), Duration.ofMinutes(1)),
                            duration(lock.lockAtLeastFor(), Duration.ZERO)));
                }
            });
        }
        return jobs;
    }

    /** Runs ShedLock's keep-alive extensions when the test says so, not in real time. */
    static final class ManualKeepAlive extends ScheduledThreadPoolExecutor {
        private final List<Runnable> extensions = new ArrayList<>();

        ManualKeepAlive() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
            extensions.add(command);
            return super.schedule(() -> { }, 1, TimeUnit.DAYS);
        }

        void runExtensions() {
            extensions.forEach(Runnable::run);
        }
    }
}
