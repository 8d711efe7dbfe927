package app.ombud.review.internal;

import app.ombud.platform.CurrentActor;
import app.ombud.review.ReviewService;
import java.time.Clock;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The review scheduler, one instance at a time: overdue team-lead checks and replies, the daily
 * follow-up and the unreachable SMS, the end of the appeal window, and whatever a crash left
 * pending (panels to form, early warnings to check).
 */
@Component
class ReviewJobs {

    private static final Logger log = LoggerFactory.getLogger(ReviewJobs.class);

    private final ReviewService reviews;
    private final Clock clock;

    ReviewJobs(ReviewService reviews, Clock clock) {
        this.reviews = reviews;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${ombud.review.jobs-interval:PT1M}", initialDelayString = "PT50S")
    @SchedulerLock(name = "reviews", lockAtMostFor = "${ombud.review.jobs-interval:PT1M}")
    void run() {
        Instant now = clock.instant();
        int checks = reviews.flagOverdueChecks(now);
        int replies = reviews.flagOverdueReplies(now);
        int followUps = reviews.followUpReplies(now);
        int finals = reviews.finalizeUnappealed(now);
        int resumed = CurrentActor.runAsSystem(reviews::resumePending);
        if (checks + replies + followUps + finals + resumed > 0) {
            log.info("Review jobs: {} overdue checks, {} overdue replies, {} follow-ups, {} verdicts final, {} resumed",
                    checks, replies, followUps, finals, resumed);
        }
    }
}
