package app.ombud.complaint.internal;

import app.ombud.directory.DirectoryService;
import app.ombud.notification.Channel;
import app.ombud.notification.NotificationService;
import app.ombud.notification.Outbox;
import app.ombud.notification.OutboxMessage;
import app.ombud.platform.NoticeIds;
import app.ombud.platform.RecordWrites;
import app.ombud.platform.Role;
import app.ombud.policy.PolicyService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The cluster-safe jobs of the case life cycle: tell leadership about level-1 cases at once,
 * warn the handlers before a resolution deadline, and flag a breach when it passes. Each step
 * notifies first (with a notification ID derived from the case, so a repeat is not shown twice)
 * and then marks the case with one conditional update of a field the job owns
 * ({@link RecordWrites#mark}), so a job that dies mid-run resumes next time without duplicates,
 * and a handler's save of the case is not refused because a job ran meanwhile. The directory is
 * read once per run (and department), not once per case.
 */
@Component
public class CaseJobs {

    private static final Logger log = LoggerFactory.getLogger(CaseJobs.class);
    private static final int BATCH = 200;
    private static final java.time.format.DateTimeFormatter DUE = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm");

    private final MongoTemplate mongo;
    private final DirectoryService directory;
    private final NotificationService notifications;
    private final Outbox outbox;
    private final RecordWrites writes;
    private final Clock clock;
    private final PolicyService policy;

    CaseJobs(MongoTemplate mongo, DirectoryService directory, NotificationService notifications,
            Outbox outbox, RecordWrites writes, Clock clock, PolicyService policy) {
        this.policy = policy;
        this.outbox = outbox;
        this.writes = writes;
        this.mongo = mongo;
        this.directory = directory;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${ombud.complaint.jobs-interval:PT1M}", initialDelayString = "PT20S")
    @SchedulerLock(name = "case-deadlines", lockAtMostFor = "${ombud.complaint.jobs-interval:PT1M}")
    public void run() {
        Instant now = clock.instant();
        int told = notifyLeadership();
        int warned = warnBeforeDeadlines(now);
        int breached = flagBreaches(now);
        if (told + warned + breached > 0) {
            log.info("Case jobs: {} level-1 alerts, {} warnings, {} breaches", told, warned, breached);
        }
    }

    /**
     * Leadership hears of every case at once whose level tells leadership in the policy's
     * grading (level 1 by default, SPEC §1.3).
     */
    public int notifyLeadership() {
        var grading = policy.current().content().grading();
        var levels = grading.levelsTellingLeadership();
        if (levels.isEmpty()) {
            return 0;
        }
        var cases = mongo.find(CaseQueries.leadershipNotTold(levels, BATCH), CaseDocument.class);
        if (cases.isEmpty()) {
            return 0;
        }
        var leaders = directory.activeEmployeeIdsWithRole(Role.LEADERSHIP);
        var contacts = directory.contactsOf(leaders);
        int count = 0;
        for (CaseDocument c : cases) {
            var view = c.view();
            // the level as the policy names it (一级（重大） by default), in both languages for the notice
            var level = grading.level(view.grade().level()).name();
            for (String leader : leaders) {
                notifications.notify(NoticeIds.of(c.id(), "level1-" + leader), leader, "case.notice.leadership",
                        List.of(c.number(), view.subject(), level.zh(), level.en()), "cases/" + c.id());
                // and a message outside the portal: e-mail, else SMS to the leader's phone
                var contact = contacts.get(leader);
                String subject = "【" + level.zh() + "投诉】" + c.number() + " " + view.subject();
                if (contact != null && contact.email() != null) {
                    outbox.enqueue(new OutboxMessage(NoticeIds.of(c.id(), "level1-mail-" + leader), Channel.EMAIL,
                            contact.email(), subject, level.zh() + "投诉 " + c.number() + "：" + view.subject()
                                    + "。请公司领导牵头成立专项小组。", "Case", c.number()));
                } else if (contact != null && contact.phone() != null) {
                    outbox.enqueue(new OutboxMessage(NoticeIds.of(c.id(), "level1-sms-" + leader), Channel.SMS,
                            contact.phone(), null, subject, "Case", c.number()));
                }
            }
            count += mark(c, CaseQueries.Mark.LEADERSHIP_NOTIFIED);
        }
        return count;
    }

    /**
     * Warns the handlers of cases due within the policy's lead time ({@code grading.warnBeforeHours});
     * the due time is told in the company's zone.
     */
    public int warnBeforeDeadlines(Instant now) {
        int count = 0;
        Map<UUID, Optional<String>> heads = new HashMap<>();
        var content = policy.current().content();
        var warnBefore = Duration.ofHours(content.grading().warnBeforeHours());
        var cases = mongo.find(CaseQueries.dueSoonNotWarned(now, warnBefore, BATCH), CaseDocument.class);
        var zone = content.calendar().zone();
        for (CaseDocument c : cases) {
            String due = DUE.format(c.view().deadlines().resolutionDue().atZone(zone));
            for (String person : handlers(c, heads)) {
                notifications.notify(NoticeIds.of(c.id(), "warn-" + person), person, "case.notice.deadline-soon",
                        List.of(c.number(), due), "cases/" + c.id());
            }
            count += mark(c, CaseQueries.Mark.DEADLINE_WARNED);
        }
        return count;
    }

    public int flagBreaches(Instant now) {
        int count = 0;
        Map<UUID, Optional<String>> heads = new HashMap<>();
        for (CaseDocument c : mongo.find(CaseQueries.breachedNotFlagged(now, BATCH), CaseDocument.class)) {
            for (String person : handlers(c, heads)) {
                notifications.notify(NoticeIds.of(c.id(), "breach-" + person), person,
                        "case.notice.deadline-breached", List.of(c.number()), "cases/" + c.id());
            }
            count += mark(c, CaseQueries.Mark.DEADLINE_BREACHED);
        }
        return count;
    }

    /** The owner and the head of the department (looked up once per run and department), else who took it in. */
    private Set<String> handlers(CaseDocument c, Map<UUID, Optional<String>> heads) {
        Set<String> people = new LinkedHashSet<>();
        var assignment = c.assignment();
        if (assignment != null) {
            if (assignment.ownerEmployeeId() != null) {
                people.add(assignment.ownerEmployeeId());
            }
            heads.computeIfAbsent(assignment.departmentId(), directory::headOf).ifPresent(people::add);
        } else {
            people.add(c.intakeBy());
        }
        return people;
    }

    /**
     * Sets the mark once, with its timeline entry, in one update of the fields the job owns; the
     * case's version stays, so a person who read the case before saves their step without a conflict.
     */
    private int mark(CaseDocument c, CaseQueries.Mark mark) {
        return writes.mark(CaseDocument.class, c.id(), mark.unset(), mark.set(clock.instant())) ? 1 : 0;
    }
}
