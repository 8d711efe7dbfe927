package app.ombud.escalation.internal;

import app.ombud.complaint.ComplaintCase;
import app.ombud.complaint.ComplaintService;
import app.ombud.complaint.EscalationCandidate;
import app.ombud.escalation.EscalationForm;
import app.ombud.escalation.EscalationTrigger;
import app.ombud.notification.NotificationService;
import app.ombud.platform.Actor;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.NoticeIds;
import app.ombud.platform.OmbudException;
import app.ombud.policy.AutoEscalationForm;
import app.ombud.policy.PolicyService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The escalation jobs, on one instance at a time: raise the escalations Ombud owes, flag
 * overdue reviews, and finish returning ended escalations to their cases. Each is safe to repeat.
 */
@Component
public class EscalationJobs {

    private static final Logger log = LoggerFactory.getLogger(EscalationJobs.class);
    private static final int BATCH = 200;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final EscalationFields fields;
    private final EscalationRaising raising;
    private final EscalationReturns returns;
    private final ComplaintService complaints;
    private final NotificationService notifications;
    private final PolicyService policy;
    private final Clock clock;

    EscalationJobs(EscalationFields fields, EscalationRaising raising, EscalationReturns returns,
            ComplaintService complaints, NotificationService notifications, PolicyService policy, Clock clock) {
        this.fields = fields;
        this.raising = raising;
        this.returns = returns;
        this.complaints = complaints;
        this.notifications = notifications;
        this.policy = policy;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${ombud.complaint.jobs-interval:PT1M}", initialDelayString = "PT30S")
    @SchedulerLock(name = "escalations", lockAtMostFor = "${ombud.complaint.jobs-interval:PT1M}")
    void run() {
        raiseAutomatically();
        flagOverdueReviews(clock.instant());
        returnEnded();
    }

    /** Raises the escalations Ombud owes by itself: breached deadlines, rejected again after a rework. */
    public int raiseAutomatically() {
        return CurrentActor.runAsSystem(() -> {
            int raised = 0;
            var wording = policy.current().content().templates().autoEscalation();
            var zone = policy.calendar().zone();
            for (EscalationCandidate candidate : complaints.casesDueForEscalation(100)) {
                ComplaintCase subject = complaints.get(candidate.caseId());
                var trigger = candidate.trigger() == EscalationCandidate.Trigger.DEADLINE_BREACHED
                        ? EscalationTrigger.DEADLINE_BREACHED : EscalationTrigger.REJECTED_AFTER_REWORK;
                var form = form(wording, zone, subject, trigger);
                try {
                    raising.raise(UUID.randomUUID(), subject, trigger, true, form, Actor.SYSTEM,
                            fields.lockOf(candidate.caseId()).orElse(null));
                    raised++;
                } catch (OmbudException e) {
                    log.warn("Could not escalate case {}: {}", subject.number(), e.getMessage());
                }
            }
            return raised;
        });
    }

    /**
     * The form Ombud fills in, worded by the policy ({@link AutoEscalationForm}) in the company's
     * language with company-local times: the situation is the complaint's subject.
     */
    static EscalationForm form(AutoEscalationForm wording, ZoneId zone, ComplaintCase subject,
            EscalationTrigger trigger) {
        var deadlines = subject.deadlines();
        Map<String, String> values = Map.of("caseNumber", subject.number(),
                "receivedAt", minute(subject.receivedAt(), zone),
                "deadline", minute(deadlines == null ? null : deadlines.resolutionDue(), zone),
                "reworkCount", Integer.toString(subject.reworkCount()));
        return new EscalationForm(subject.subject(), AutoEscalationForm.render(wording.progress(), values),
                AutoEscalationForm.render(trigger == EscalationTrigger.DEADLINE_BREACHED ? wording.deadlineBreached()
                        : wording.rejectedAgain(), values), AutoEscalationForm.render(wording.proposal(), values));
    }

    private static String minute(Instant instant, ZoneId zone) {
        return instant == null ? "" : MINUTE.format(instant.atZone(zone));
    }

    /** Flags reviews past their due time and tells the superior department's head. */
    public int flagOverdueReviews(Instant now) {
        int flagged = 0;
        for (var document : fields.reviewsToFlag(now, BATCH)) {
            for (String reviewer : raising.reviewers(document.toDepartmentId())) {
                notifications.notify(NoticeIds.of(document.id(), "overdue-" + reviewer), reviewer,
                        "escalation.notice.overdue", List.of(document.number()), "escalations/" + document.id());
            }
            flagged += fields.flagOverdue(document.id(), now) ? 1 : 0;
        }
        return flagged;
    }

    /** Finishes returning ended escalations to their cases (after a crash between the two documents). */
    public int returnEnded() {
        return CurrentActor.runAsSystem(() -> {
            var ended = fields.endedNotReturned(BATCH);
            for (var document : ended) {
                returns.finish(document, Actor.SYSTEM);
            }
            return ended.size();
        });
    }
}
