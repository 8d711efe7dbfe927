package app.ombud.complaint.internal;

import app.ombud.complaint.CaseStatus;
import app.ombud.complaint.TimelineEntry;
import app.ombud.directory.DirectoryService;
import app.ombud.notification.NotificationService;
import app.ombud.platform.Actor;
import app.ombud.platform.Role;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The cluster-safe jobs of the case life cycle: tell leadership about level-1 cases at once,
 * warn the handlers before a resolution deadline, and flag a breach when it passes. Each step
 * notifies first (with a notification ID derived from the case, so a repeat is not shown twice)
 * and then marks the case with one conditional update, so a job that dies mid-run resumes next
 * time without duplicates.
 */
@Component
public class CaseJobs {

    private static final Logger log = LoggerFactory.getLogger(CaseJobs.class);
    private static final List<CaseStatus> OPEN = List.of(CaseStatus.NEW, CaseStatus.DISPATCHED,
            CaseStatus.IN_PROGRESS, CaseStatus.AWAITING_FEEDBACK);
    private static final int BATCH = 200;

    private final MongoTemplate mongo;
    private final DirectoryService directory;
    private final NotificationService notifications;
    private final app.ombud.notification.Outbox outbox;
    private final Clock clock;
    private final Duration warnBefore;

    CaseJobs(MongoTemplate mongo, DirectoryService directory, NotificationService notifications,
            app.ombud.notification.Outbox outbox, Clock clock,
            @Value("${ombud.complaint.warn-before:PT4H}") Duration warnBefore) {
        this.outbox = outbox;
        this.mongo = mongo;
        this.directory = directory;
        this.notifications = notifications;
        this.clock = clock;
        this.warnBefore = warnBefore;
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

    /** Leadership hears of every level-1 case at once (SPEC §1.3). */
    public int notifyLeadership() {
        Query query = Query.query(Criteria.where("grade.level").is(1).and("leadershipNotifiedAt").is(null)
                .and("status").in(OPEN)).limit(BATCH);
        int count = 0;
        for (CaseDocument c : mongo.find(query, CaseDocument.class)) {
            var leaders = directory.activeEmployeeIdsWithRole(Role.LEADERSHIP);
            var contacts = directory.contactsOf(leaders);
            for (String leader : leaders) {
                notifications.notify(id(c.id(), "level1-" + leader), leader, "case.notice.level1",
                        List.of(c.number(), c.view().subject()), "cases/" + c.id());
                // and a message outside the portal: e-mail, else SMS to the leader's phone
                var contact = contacts.get(leader);
                String subject = "【一级投诉】" + c.number() + " " + c.view().subject();
                if (contact != null && contact.email() != null) {
                    outbox.enqueue(new app.ombud.notification.OutboxMessage(id(c.id(), "level1-mail-" + leader),
                            app.ombud.notification.Channel.EMAIL, contact.email(), subject,
                            "一级投诉 " + c.number() + "：" + c.view().subject() + "。请公司领导牵头成立专项小组。",
                            "Case", c.number()));
                } else if (contact != null && contact.phone() != null) {
                    outbox.enqueue(new app.ombud.notification.OutboxMessage(id(c.id(), "level1-sms-" + leader),
                            app.ombud.notification.Channel.SMS, contact.phone(), null, subject, "Case", c.number()));
                }
            }
            count += mark(c.id(), "leadershipNotifiedAt", "leadership-notified", null);
        }
        return count;
    }

    public int warnBeforeDeadlines(Instant now) {
        Query query = Query.query(Criteria.where("status").in(OPEN).and("deadlines.warnedAt").is(null)
                .and("deadlines.resolutionDue").lte(now.plus(warnBefore)).gt(now)).limit(BATCH);
        int count = 0;
        for (CaseDocument c : mongo.find(query, CaseDocument.class)) {
            for (String person : handlers(c)) {
                notifications.notify(id(c.id(), "warn-" + person), person, "case.notice.deadline-near",
                        List.of(c.number(), c.view().deadlines().resolutionDue().toString()), "cases/" + c.id());
            }
            count += mark(c.id(), "deadlines.warnedAt", "deadline-warning", null);
        }
        return count;
    }

    public int flagBreaches(Instant now) {
        Query query = Query.query(Criteria.where("status").in(OPEN).and("deadlines.breachedAt").is(null)
                .and("deadlines.resolutionDue").lte(now)).limit(BATCH);
        int count = 0;
        for (CaseDocument c : mongo.find(query, CaseDocument.class)) {
            for (String person : handlers(c)) {
                notifications.notify(id(c.id(), "breach-" + person), person, "case.notice.deadline-breached",
                        List.of(c.number()), "cases/" + c.id());
            }
            count += mark(c.id(), "deadlines.breachedAt", "deadline-breached", null);
        }
        return count;
    }

    private Set<String> handlers(CaseDocument c) {
        Set<String> people = new LinkedHashSet<>();
        var assignment = c.assignment();
        if (assignment != null) {
            if (assignment.ownerEmployeeId() != null) {
                people.add(assignment.ownerEmployeeId());
            }
            directory.headOf(assignment.departmentId()).ifPresent(people::add);
        } else {
            people.add(c.view().intakeBy());
        }
        return people;
    }

    /** Sets the marker once, with the timeline entry and a new version, in one update. */
    private int mark(UUID caseId, String field, String action, String note) {
        Instant now = clock.instant();
        var entry = new TimelineEntry(now, Actor.SYSTEM.subject(), Actor.SYSTEM.name(), action, null, null, note);
        var result = mongo.updateFirst(Query.query(Criteria.where("_id").is(caseId).and(field).is(null)),
                new Update().set(field, now).push("timeline", entry).inc("version", 1), CaseDocument.class);
        return (int) result.getModifiedCount();
    }

    private static UUID id(UUID caseId, String what) {
        return UUID.nameUUIDFromBytes((caseId + "/" + what).getBytes(StandardCharsets.UTF_8));
    }
}
