package app.ombud.escalation.internal;

import app.ombud.escalation.EscalationService;
import java.time.Clock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Raises the escalations Ombud owes and flags overdue reviews, on one instance at a time. */
@Component
class EscalationJobs {

    private final EscalationService escalations;
    private final Clock clock;

    EscalationJobs(EscalationService escalations, Clock clock) {
        this.escalations = escalations;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${ombud.complaint.jobs-interval:PT1M}", initialDelayString = "PT30S")
    @SchedulerLock(name = "escalations", lockAtMostFor = "${ombud.complaint.jobs-interval:PT1M}")
    void run() {
        escalations.raiseAutomatically();
        escalations.flagOverdueReviews(clock.instant());
    }
}
