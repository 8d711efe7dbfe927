package app.ombud.review.internal;

import app.ombud.platform.Actor;
import app.ombud.platform.AuditTrail;
import app.ombud.platform.Role;
import app.ombud.policy.PolicyService;
import app.ombud.policy.ReviewWindows;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts upheld reviews on a judged review's topic within the policy's days; at the threshold the
 * duty chiefs (or the site managers) are warned — once per topic per window.
 */
@Component
public class EarlyWarnings {

    private final MongoTemplate mongo;
    private final PolicyService policy;
    private final ReviewNotices notices;
    private final AuditTrail audit;
    private final Clock clock;

    EarlyWarnings(MongoTemplate mongo, PolicyService policy, ReviewNotices notices, AuditTrail audit, Clock clock) {
        this.mongo = mongo;
        this.policy = policy;
        this.notices = notices;
        this.audit = audit;
        this.clock = clock;
    }

    /** Checks the review's topic and clears its pending marker (the job repeats it after a crash). */
    public void check(UUID reviewId) {
        var document = mongo.findById(reviewId, ReviewDocument.class);
        if (document == null) {
            return;
        }
        Instant now = clock.instant();
        ReviewWindows windows = policy.current().content().reviewWindows();
        String topic = document.topicKey();
        if (topic != null && Boolean.TRUE.equals(document.upheld())) {
            Instant since = now.minus(Duration.ofDays(windows.earlyWarningDays()));
            List<String> numbers = mongo.find(ReviewFields.upheldOnTopic(topic, since), org.bson.Document.class,
                    mongo.getCollectionName(ReviewDocument.class)).stream().map(ReviewFields::number).toList();
            if (numbers.size() >= windows.earlyWarningCount() && claim(topic, since, now)) {
                List<String> recipients = windows.dutyChiefEmployeeIds().isEmpty()
                        ? List.copyOf(notices.withRole(Role.SITE_MANAGER)) : windows.dutyChiefEmployeeIds();
                var warning = new EarlyWarningDocument(UUID.randomUUID(), document.verdict().topic(), numbers.size(),
                        windows.earlyWarningDays(), numbers, recipients, now);
                mongo.insert(warning);
                notices.tellWarning(warning.id(), recipients, List.of(warning.topic(), String.valueOf(numbers.size()),
                        String.valueOf(windows.earlyWarningDays())));
                audit.record(Actor.SYSTEM, "review.early-warning", "Review", document.number(),
                        Map.of("topic", warning.topic(), "count", String.valueOf(numbers.size())));
            }
        }
        mongo.updateFirst(ReviewFields.byId(reviewId), ReviewFields.warningChecked(),
                mongo.getCollectionName(ReviewDocument.class));
    }

    /** True for exactly one caller per topic per window: a conditional upsert of the topic's marker. */
    private boolean claim(String topic, Instant since, Instant now) {
        try {
            mongo.findAndModify(ReviewFields.warningFree(topic, since), ReviewFields.warned(now),
                    FindAndModifyOptions.options().upsert(true).returnNew(true), WarningTopic.class);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }
}
