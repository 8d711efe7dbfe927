package app.ombud.review;

import app.ombud.notification.OutboxMessage;
import app.ombud.platform.OmbudException;
import app.ombud.platform.Role;
import app.ombud.platform.TextInput.Kind;
import app.ombud.platform.TextInput;
import app.ombud.policy.PolicyContent;
import app.ombud.policy.PolicyService;
import app.ombud.review.internal.ReviewCaller;
import app.ombud.review.internal.ReviewCallers;
import app.ombud.review.internal.ReviewDocument;
import app.ombud.review.internal.ReviewFields;
import app.ombud.review.internal.ReviewNotices;
import app.ombud.review.internal.ReviewStore;
import app.ombud.review.internal.WorkOrderRules;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The reply to the customer (phone only): call attempts with the verdict-free SMS, special
 * complainants reported and decided, direct explanations with the script agents find by the
 * caller's number, and replies handled otherwise.
 */
@Service
public class Replies {

    private final ReviewStore store;
    private final ReviewCallers callers;
    private final ReviewNotices notices;
    private final PolicyService policy;
    private final MongoTemplate mongo;
    private final Clock clock;

    Replies(ReviewStore store, ReviewCallers callers, ReviewNotices notices, PolicyService policy, MongoTemplate mongo,
            Clock clock) {
        this.store = store;
        this.callers = callers;
        this.notices = notices;
        this.policy = policy;
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * A call to the customer (phone only). {@code sendSms} sends the verdict-free SMS for this
     * failed day. When the customer stays unreachable through the policy's follow-up days the SMS
     * goes anyway; the rendered text is checked again for verdict words before it is queued.
     */
    @PreAuthorize("hasAnyRole('REVIEWER','WHITELIST_OWNER')")
    public Review recordReplyAttempt(UUID id, Instant at, ReplyOutcome outcome, String note, boolean sendSms,
            Long expectedVersion) {
        ReviewCaller caller = callers.person();
        String text = TextInput.optional(note, "note", Kind.NOTE);
        var document = store.forStep(id, expectedVersion, ReviewStep.RECORD_REPLY_ATTEMPT, caller);
        if (outcome == null) {
            throw OmbudException.badRequest("REQUIRED", "outcome", "{0} is required", "outcome");
        }
        Instant now = clock.instant();
        Instant when = WorkOrderRules.recordedAt(at, "at", now);
        PolicyContent content = policy.current().content();
        ZoneId zone = content.calendar().zone();
        LocalDate day = LocalDate.ofInstant(when, zone);
        OutboxMessage daySms = sendSms ? notices.replySms(document, content, "day-" + day, day) : null;
        document.recordAttempt(new ReplyAttempt(when, outcome, text, null, null, false),
                content.reviewWindows().followUpDays(), zone, daySms,
                notices.replySms(document, content, "unreachable", day), caller.actor(), now);
        return store.save(document, "review.reply-" + outcome.name().toLowerCase(Locale.ROOT), caller);
    }

    /** A long-term or unreasonable complainant: reported at once to the whitelist owners and site managers. */
    @PreAuthorize("hasAnyRole('REVIEWER','WHITELIST_OWNER')")
    public Review reportSpecialComplainant(UUID id, SpecialComplainant.Kind kind, String report,
            Long expectedVersion) {
        ReviewCaller caller = callers.person();
        String text = TextInput.required(report, "report", Kind.TEXT);
        var document = store.forStep(id, expectedVersion, ReviewStep.REPORT_SPECIAL, caller);
        if (kind == null) {
            throw OmbudException.badRequest("REQUIRED", "kind", "{0} is required", "kind");
        }
        document.reportSpecial(kind, text, caller.actor(), clock.instant());
        var saved = store.save(document, "review.special-reported");
        notices.tellEach(id, "special-%s", notices.withRole(Role.WHITELIST_OWNER, Role.SITE_MANAGER),
                "review.notice.special." + kind.name(), List.of(saved.number()));
        return ReviewStore.present(saved, caller.actor());
    }

    /** The decision on a reported special complainant, by a whitelist owner or the site manager. */
    @PreAuthorize("hasAnyRole('WHITELIST_OWNER','SITE_MANAGER')")
    public Review decideSpecialHandling(UUID id, String decision, Long expectedVersion) {
        ReviewCaller caller = callers.person();
        String text = TextInput.required(decision, "decision", Kind.TEXT);
        var document = store.forStep(id, expectedVersion, ReviewStep.DECIDE_SPECIAL, caller);
        document.decideSpecial(text, caller.actor(), clock.instant());
        return store.save(document, "review.special-decided", caller);
    }

    /** A direct-explanation case: the script agents use when this customer calls. */
    @PreAuthorize("hasAnyRole('REVIEWER','WHITELIST_OWNER')")
    public Review explainDirectly(UUID id, String script, Long expectedVersion) {
        ReviewCaller caller = callers.person();
        String text = TextInput.required(script, "script", Kind.NOTE);
        var document = store.forStep(id, expectedVersion, ReviewStep.EXPLAIN_DIRECTLY, caller);
        document.explainDirectly(text, caller.actor(), clock.instant());
        return store.save(document, "review.direct-explanation", caller);
    }

    /** Other: the matter is already a complaint ticket, or handed to another line. */
    @PreAuthorize("hasAnyRole('REVIEWER','WHITELIST_OWNER')")
    public Review replyOther(UUID id, OtherReply.Kind kind, String reference, Long expectedVersion) {
        ReviewCaller caller = callers.person();
        String text = TextInput.required(reference, "reference", Kind.LINE);
        var document = store.forStep(id, expectedVersion, ReviewStep.REPLY_OTHER, caller);
        if (kind == null) {
            throw OmbudException.badRequest("REQUIRED", "kind", "{0} is required", "kind");
        }
        document.replyOther(kind, text, caller.actor(), clock.instant());
        return store.save(document, "review.reply-other", caller);
    }

    /** The explanation scripts for a caller's number: what agents say when this customer calls. */
    @PreAuthorize("hasAnyRole('AGENT','TEAM_LEAD','REVIEWER','WHITELIST_OWNER','SITE_MANAGER','ADMIN')")
    public List<ExplanationScript> explanationScripts(String phone) {
        String number = TextInput.required(phone, "phone", Kind.PHONE);
        return mongo.find(ReviewFields.explanationScripts(number), ReviewDocument.class).stream()
                .map(ReviewDocument::view)
                .map(r -> new ExplanationScript(r.number(), r.verdict() != null ? r.verdict().topic()
                        : r.workOrder().topic(), r.reply().explanationScript(), r.reply().closedAt())).toList();
    }
}
