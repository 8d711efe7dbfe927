package app.ombud.platform.ops;

import app.ombud.platform.Bootstrap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Publishes {@link Bootstrap} in the lifecycle phase just before Boot's web server starts
 * listening ({@link WebServerApplicationContext#START_STOP_LIFECYCLE_PHASE}): a client that
 * connects as soon as the port answers finds the bootstrap done. Scheduled jobs are registered
 * later still (on the context-refreshed event). Also the health indicator {@code bootstrap} of
 * the readiness group.
 */
@Component("bootstrap")
class BootstrapLifecycle implements SmartLifecycle, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(BootstrapLifecycle.class);

    private final ApplicationEventPublisher events;
    private volatile boolean done;

    BootstrapLifecycle(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void start() {
        if (done) {
            return;
        }
        long started = System.nanoTime();
        events.publishEvent(new Bootstrap());
        done = true;
        log.info("Bootstrap done in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public void stop() {
        // nothing to undo: the bootstrap's results are in the store
    }

    @Override
    public boolean isRunning() {
        return done;
    }

    @Override
    public int getPhase() {
        return WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 1;
    }

    @Override
    public Health health() {
        return done ? Health.up().build() : Health.outOfService().withDetail("bootstrap", "running").build();
    }
}
