package app.ombud.review.internal;

import app.ombud.platform.Actor;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.RecordWrites;
import app.ombud.policy.PolicyContent;
import app.ombud.policy.PolicyService;
import app.ombud.review.Reply;
import app.ombud.review.ReplyAttempt;
import app.ombud.review.ReviewEntry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The review scheduler, one instance at a time: overdue team-lead checks and replies, the daily
 * follow-up and the unreachable SMS, the end of the appeal window, and whatever a crash left
 * pending (panels to form, early warnings to check). Each job is safe to repeat; the policy is
 * read once per run.
 */
@Component
public class ReviewJobs {

    private static final Logger log = LoggerFactory.getLogger(ReviewJobs.class);

    private final MongoTemplate mongo;
    private final ReviewStore store;
    private final ReviewNotices notices;
    private final AppealPanels appealPanels;
    private final EarlyWarnings warnings;
    private final PolicyService policy;
    private final RecordWrites writes;
    private final Clock clock;

    ReviewJobs(MongoTemplate mongo, ReviewStore store, ReviewNotices notices, AppealPanels appealPanels,
            EarlyWarnings warnings, PolicyService policy, RecordWrites writes, Clock clock) {
        this.mongo = mongo;
        this.writes = writes;
        this.store = store;
        this.notices = notices;
        this.appealPanels = appealPanels;
        this.warnings = warnings;
        this.policy = policy;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${ombud.review.jobs-interval:PT1M}", initialDelayString = "PT50S")
    @SchedulerLock(name = "reviews", lockAtMostFor = "${ombud.review.jobs-interval:PT1M}")
    void run() {
        Instant now = clock.instant();
        int checks = flagOverdueChecks(now);
        int replies = flagOverdueReplies(now);
        int followUps = followUpReplies(now);
        int finals = finalizeUnappealed(now);
        int resumed = CurrentActor.runAsSystem(this::resumePending);
        if (checks + replies + followUps + finals + resumed > 0) {
            log.info("Review jobs: {} overdue checks, {} overdue replies, {} follow-ups, {} verdicts final, {} resumed",
                    checks, replies, followUps, finals, resumed);
        }
    }

    /** Flags work orders whose team-lead check is overdue and tells the team lead. */
    public int flagOverdueChecks(Instant now) {
        int flagged = 0;
        // the directory once per team in this run, not once per review
        Map<java.util.UUID, List<String>> leads = new java.util.HashMap<>();
        for (var document : mongo.find(ReviewFields.overdueChecks(now), ReviewDocument.class)) {
            notices.tellEach(document.id(), "check-overdue-%s-" + document.version(),
                    leads.computeIfAbsent(document.submitterTeamId(), notices::teamLeads), "review.notice.check-overdue",
                    List.of(document.number()));
            flagged += mark(document, ReviewFields.checkStillDue(), ReviewFields.CHECK_OVERDUE, "check-overdue", now);
        }
        return flagged;
    }

    /** Flags replies not given by their due time and tells the reviewer (or the review team). */
    public int flagOverdueReplies(Instant now) {
        int flagged = 0;
        var owners = notices.replyOwners();
        for (var document : mongo.find(ReviewFields.overdueReplies(now), ReviewDocument.class)) {
            notices.tellEach(document.id(), "reply-overdue-%s", owners.of(document),
                    "review.notice.reply-overdue", List.of(document.number()));
            flagged += mark(document, ReviewFields.replyStillDue(), ReviewFields.REPLY_OVERDUE, "reply-overdue", now);
        }
        return flagged;
    }

    /**
     * A job's mark with its timeline entry, once: without a new version, so the person who has the
     * review open saves their step without a conflict ({@link RecordWrites}).
     */
    private int mark(ReviewDocument document, Criteria stillDue, String field, String action, Instant now) {
        var entry = new ReviewEntry(now, Actor.SYSTEM.subject(), Actor.SYSTEM.name(), action, null, null, null,
                List.of());
        return writes.mark(ReviewDocument.class, document.id(), stillDue, ReviewFields.marked(field, now, entry)) ? 1
                : 0;
    }

    /**
     * Follow-up: a reply still owed after failed calls is a daily reminder to call again; when the
     * follow-up days since the first failed call have passed, the customer counts as unreachable
     * and the verdict-free SMS goes to the outbox.
     */
    public int followUpReplies(Instant now) {
        PolicyContent content = policy.current().content();
        ZoneId zone = content.calendar().zone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        int done = 0;
        var owners = notices.replyOwners();
        for (var found : mongo.find(ReviewFields.repliesFollowedUp(), ReviewDocument.class)) {
            Reply reply = found.reply();
            Instant firstFailed = reply.attempts().stream().filter(a -> a.outcome().failed()).map(ReplyAttempt::at)
                    .min(Instant::compareTo).orElse(null);
            if (firstFailed == null) {
                continue;
            }
            LocalDate firstDay = LocalDate.ofInstant(firstFailed, zone);
            if (!today.isBefore(firstDay.plusDays(content.reviewWindows().followUpDays()))) {
                done += store.update(found.id(), document -> {
                    document.markUnreachable(notices.replySms(document, content, "unreachable", today), Actor.SYSTEM,
                            now);
                    return true;
                }, "review.reply-unreachable", Map.of()) ? 1 : 0;
                continue;
            }
            boolean calledToday = reply.attempts().stream()
                    .anyMatch(a -> LocalDate.ofInstant(a.at(), zone).equals(today));
            if (!calledToday) {
                notices.tellEach(found.id(), "follow-up-" + today + "-%s", owners.of(found),
                        "review.notice.follow-up", List.of(found.number()));
                done++;
            }
        }
        return done;
    }

    /** Upheld verdicts not appealed within the policy's days become final, through the document. */
    public int finalizeUnappealed(Instant now) {
        int done = 0;
        for (var document : mongo.find(ReviewFields.appealWindowEnded(now), ReviewDocument.class)) {
            done += store.update(document.id(), review -> review.endAppealWindow(now), "review.appeal-window-ended",
                    Map.of()) ? 1 : 0;
        }
        return done;
    }

    /** Finishes what a crash may have left: panels to form, early warnings to check. */
    public int resumePending() {
        int done = 0;
        for (var document : mongo.find(ReviewFields.panelPending(), ReviewDocument.class)) {
            CurrentActor.runAsSystem(() -> appealPanels.form(document.id()));
            done++;
        }
        for (var document : mongo.find(ReviewFields.warningPending(), ReviewDocument.class)) {
            warnings.check(document.id());
            done++;
        }
        return done;
    }
}
