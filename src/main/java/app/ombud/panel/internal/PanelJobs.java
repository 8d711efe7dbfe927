package app.ombud.panel.internal;

import app.ombud.panel.PanelService;
import java.time.Clock;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Closes panels whose window ended, reminds members who have not voted, re-delivers decisions; one instance at a time. */
@Component
class PanelJobs {

    private static final Logger log = LoggerFactory.getLogger(PanelJobs.class);

    private final PanelService panels;
    private final Clock clock;

    PanelJobs(PanelService panels, Clock clock) {
        this.panels = panels;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${ombud.panel.jobs-interval:PT1M}", initialDelayString = "PT40S")
    @SchedulerLock(name = "panels", lockAtMostFor = "${ombud.panel.jobs-interval:PT1M}")
    void run() {
        Instant now = clock.instant();
        int closed = panels.closeDue(now);
        int reminded = panels.remindDue(now);
        int delivered = panels.deliverDecisions();
        if (closed + reminded + delivered > 0) {
            log.info("Panel jobs: {} closed, {} reminders, {} decisions delivered", closed, reminded, delivered);
        }
    }
}
