package app.ombud.improvement.internal;

import app.ombud.directory.DirectoryService;
import app.ombud.notification.NotificationService;
import app.ombud.platform.NoticeIds;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The improvement job, on one instance at a time: flags actions past the end of their due day
 * while their owners still work on them, and tells the owner and the head of the owner's
 * department. The notice's ID comes from the action and how often it was reopened, so a run repeated
 * after a crash between the notice and the flag tells no one twice, and a reopened action is told
 * again when its new due date passes.
 */
@Component
public class ImprovementJobs {

    private static final int BATCH = 200;

    private final ImprovementFields fields;
    private final NotificationService notifications;
    private final DirectoryService directory;
    private final Clock clock;

    ImprovementJobs(ImprovementFields fields, NotificationService notifications, DirectoryService directory,
            Clock clock) {
        this.fields = fields;
        this.notifications = notifications;
        this.directory = directory;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${ombud.improvement.jobs-interval:PT5M}", initialDelayString = "PT45S")
    @SchedulerLock(name = "improvements", lockAtMostFor = "${ombud.improvement.jobs-interval:PT5M}")
    void run() {
        flagOverdue(clock.instant());
    }

    /** Flags overdue actions and tells their owners (and the owner's department head); returns how many it flagged. */
    public int flagOverdue(Instant now) {
        int flagged = 0;
        for (var document : fields.toFlag(now, BATCH)) {
            Set<String> told = new LinkedHashSet<>();
            told.add(document.ownerEmployeeId());
            directory.headOf(document.departmentId()).ifPresent(told::add);
            for (String person : told) {
                notifications.notify(NoticeIds.of(document.id(), "overdue/" + document.reopenCount() + "/" + person),
                        person, "improvement.notice.overdue", List.of(document.number(), document.dueDate().toString()),
                        "improvements/" + document.id());
            }
            flagged += fields.flagOverdue(document, now) ? 1 : 0;
        }
        return flagged;
    }
}
