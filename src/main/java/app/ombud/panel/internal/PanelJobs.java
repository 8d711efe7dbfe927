package app.ombud.panel.internal;

import app.ombud.notification.NotificationService;
import app.ombud.panel.CloseReason;
import app.ombud.panel.PanelStatus;
import app.ombud.panel.Seat;
import app.ombud.platform.NoticeIds;
import app.ombud.policy.PolicyService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes panels whose window ended, reminds members who have not voted, re-delivers decisions; one
 * instance at a time. Each job changes only what it owns: closing goes through
 * {@link PanelDocument#close}; the reminder and the delivery set their own time stamp without
 * touching the version, so neither makes a person's step on the panel fail.
 */
@Component
public class PanelJobs {

    private static final Logger log = LoggerFactory.getLogger(PanelJobs.class);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int BATCH = 100;

    private final MongoTemplate mongo;
    private final PanelClosing closing;
    private final BallotSeal seal;
    private final NotificationService notifications;
    private final PolicyService policy;
    private final Clock clock;

    PanelJobs(MongoTemplate mongo, PanelClosing closing, BallotSeal seal, NotificationService notifications,
            PolicyService policy, Clock clock) {
        this.mongo = mongo;
        this.closing = closing;
        this.seal = seal;
        this.notifications = notifications;
        this.policy = policy;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${ombud.panel.jobs-interval:PT1M}", initialDelayString = "PT40S")
    @SchedulerLock(name = "panels", lockAtMostFor = "${ombud.panel.jobs-interval:PT1M}")
    void run() {
        Instant now = clock.instant();
        int closed = closeDue(now);
        int reminded = remindDue(now);
        int delivered = deliverDecisions();
        if (closed + reminded + delivered > 0) {
            log.info("Panel jobs: {} closed, {} reminders, {} decisions delivered", closed, reminded, delivered);
        }
    }

    /** Closes the panels whose window has ended (safe to repeat); the site managers are read once per run. */
    public int closeDue(Instant now) {
        var managers = closing.siteManagers();
        int closed = 0;
        for (var document : mongo.find(PanelFields.dueToClose(now, BATCH), PanelDocument.class)) {
            if (closing.close(document.id(), CloseReason.WINDOW_ENDED, now, managers) != PanelStatus.VOTING) {
                closed++;
            }
        }
        return closed;
    }

    /** Before the window ends (the policy's {@code panelReminderHours}), reminds the members who have not voted, once per panel. */
    public int remindDue(Instant now) {
        var content = policy.current().content();
        var zone = content.calendar().zone();
        Duration before = Duration.ofHours(content.reviewWindows().panelReminderHours());
        int reminded = 0;
        for (var document : mongo.find(PanelFields.dueForReminder(now, now.plus(before), BATCH),
                PanelDocument.class)) {
            String due = MINUTE.format(document.closesAt().atZone(zone));
            for (Seat seat : document.seats()) {
                if (!document.voted().contains(seal.voterTag(document.id(), seat.employeeId()))) {
                    notifications.notify(NoticeIds.of(document.id(), "remind-" + seat.employeeId()),
                            seat.employeeId(), "panel.notice.reminder", List.of(document.number(), due),
                            PanelClosing.link(document.id()));
                    reminded++;
                }
            }
            mongo.updateFirst(PanelFields.notReminded(document.id()), PanelFields.reminded(now),
                    mongo.getCollectionName(PanelDocument.class));
        }
        return reminded;
    }

    /** Hands final decisions that no listener took yet to the disputed record's module. */
    public int deliverDecisions() {
        int delivered = 0;
        for (var document : mongo.find(PanelFields.undelivered(BATCH), PanelDocument.class)) {
            delivered += closing.deliver(document.id()) ? 1 : 0;
        }
        return delivered;
    }
}
