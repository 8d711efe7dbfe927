package app.ombud.review;

import app.ombud.platform.Actor;
import app.ombud.platform.OmbudException;
import app.ombud.platform.TextInput.Kind;
import app.ombud.platform.TextInput;
import app.ombud.policy.JudgmentType;
import app.ombud.policy.PolicyContent;
import app.ombud.policy.PolicyService;
import app.ombud.policy.PolicyVersion;
import app.ombud.policy.RoutingRule;
import app.ombud.review.internal.EarlyWarnings;
import app.ombud.review.internal.ReviewCaller;
import app.ombud.review.internal.ReviewCallers;
import app.ombud.review.internal.ReviewNotices;
import app.ombud.review.internal.ReviewStore;
import app.ombud.review.internal.WorkOrderRules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The review team's desk: taking a review on, returning it to the team lead, routing it by hand,
 * verifying the recording (front desk) or recording the call to the other side and its answer,
 * and the verdict against the policy's criteria.
 */
@Service
public class ReviewDesk {

    private final ReviewStore store;
    private final ReviewCallers callers;
    private final ReviewNotices notices;
    private final EarlyWarnings warnings;
    private final PolicyService policy;
    private final Clock clock;

    ReviewDesk(ReviewStore store, ReviewCallers callers, ReviewNotices notices, EarlyWarnings warnings,
            PolicyService policy, Clock clock) {
        this.store = store;
        this.callers = callers;
        this.notices = notices;
        this.warnings = warnings;
        this.policy = policy;
        this.clock = clock;
    }

    /** A reviewer takes the review on; phone tasks and reminders then go to them. */
    @PreAuthorize("hasAnyRole('REVIEWER','WHITELIST_OWNER')")
    public Review take(UUID id, Long expectedVersion) {
        ReviewCaller caller = callers.person();
        var document = store.forStep(id, expectedVersion, ReviewStep.TAKE, caller);
        document.take(caller.actor(), clock.instant());
        notices.queuePhoneTask(document, policy.current().content().templates());
        return store.save(document, "review.taken", caller);
    }

    /**
     * The review team returns the work order to the team lead: the employee gave no explanation
     * (which of calming, apology and explanation, guidance was missing), or it is out of scope.
     */
    @PreAuthorize("hasAnyRole('REVIEWER','WHITELIST_OWNER')")
    public Review returnToLead(UUID id, ReturnReason reason, Set<ExplanationGap> gaps, String note,
            Long expectedVersion) {
        ReviewCaller caller = callers.person();
        String text = reason == ReturnReason.OUT_OF_SCOPE ? TextInput.required(note, "note", Kind.NOTE)
                : TextInput.optional(note, "note", Kind.NOTE);
        var document = store.forStep(id, expectedVersion, ReviewStep.RETURN_TO_LEAD, caller);
        if (reason == null) {
            throw OmbudException.badRequest("REQUIRED", "reason", "{0} is required", "reason");
        }
        Set<ExplanationGap> missing = gaps == null ? Set.of() : Set.copyOf(gaps);
        if (reason == ReturnReason.NO_EXPLANATION && missing.isEmpty()) {
            throw OmbudException.badRequest("REVIEW_GAPS_REQUIRED", "gaps",
                    "Say what the employee did not do: calm, apologise and explain, or guide");
        }
        if (reason == ReturnReason.OUT_OF_SCOPE && !missing.isEmpty()) {
            throw OmbudException.badRequest("REVIEW_GAPS_ONLY_FOR_NO_EXPLANATION", "gaps",
                    "Gaps go with the reason NO_EXPLANATION only");
        }
        Actor actor = caller.actor();
        Instant now = clock.instant();
        document.returnToLead(new ReviewReturn(ReviewReturn.To.TEAM_LEAD, reason, missing, text, actor.subject(),
                actor.name(), now), actor, now);
        var saved = store.save(document, "review.returned-to-lead");
        notices.tellEach(id, "back-%s-" + saved.version(), notices.teamLeads(document.submitterTeamId()),
                "review.notice.returned-to-lead." + reason.name(), List.of(saved.number()));
        return ReviewStore.present(saved, actor);
    }

    /** Routes by hand to one of the policy's groups (no rule matched the accused, or a correction). */
    @PreAuthorize("hasAnyRole('REVIEWER','WHITELIST_OWNER')")
    public Review routeManually(UUID id, String group, Long expectedVersion) {
        ReviewCaller caller = callers.person();
        String wanted = TextInput.required(group, "group", Kind.CODE);
        var document = store.forStep(id, expectedVersion, ReviewStep.ROUTE, caller);
        PolicyVersion current = policy.current();
        RoutingRule rule = current.content().routing().rules().stream().filter(r -> r.group().equals(wanted))
                .findFirst().orElseThrow(() -> OmbudException.badRequest("ROUTING_GROUP_UNKNOWN", "group",
                        "No routing group {0} in the policy", wanted));
        Actor actor = caller.actor();
        Instant now = clock.instant();
        document.routeManually(new ReviewRoute(rule.group(), rule.name(), rule.mode(), rule.notifyNumber(), null, true,
                current.number(), actor.subject(), now), actor, now);
        notices.queuePhoneTask(document, current.content().templates());
        return store.save(document, "review.routed", caller);
    }

    /** Front desk: what the call recording shows. */
    @PreAuthorize("hasAnyRole('REVIEWER','WHITELIST_OWNER')")
    public Review recordVerification(UUID id, String finding, String recordingRef, Long expectedVersion) {
        ReviewCaller caller = callers.person();
        String found = TextInput.required(finding, "finding", Kind.TEXT);
        String recording = TextInput.optional(recordingRef, "recordingRef", Kind.LINE);
        var document = store.forStep(id, expectedVersion, ReviewStep.VERIFY, caller);
        Actor actor = caller.actor();
        Instant now = clock.instant();
        document.recordVerification(new Verification(found, recording, actor.subject(), actor.name(), now), actor,
                now);
        return store.save(document, "review.verified", caller);
    }

    /** Back office and partner lines: the recorded call to the configured number and the lead reached. */
    @PreAuthorize("hasAnyRole('REVIEWER','WHITELIST_OWNER')")
    public Review recordSideNotice(UUID id, Instant calledAt, String leadName, String note, Long expectedVersion) {
        ReviewCaller caller = callers.person();
        String lead = TextInput.required(leadName, "leadName", Kind.NAME);
        String text = TextInput.optional(note, "note", Kind.NOTE);
        var document = store.forStep(id, expectedVersion, ReviewStep.RECORD_SIDE_NOTICE, caller);
        Instant now = clock.instant();
        document.recordSideNotice(WorkOrderRules.recordedAt(calledAt, "calledAt", now), lead, text, caller.actor(),
                now);
        return store.save(document, "review.side-notified", caller);
    }

    /** That side's answer, which ends the tracking. */
    @PreAuthorize("hasAnyRole('REVIEWER','WHITELIST_OWNER')")
    public Review recordSideAnswer(UUID id, String answer, Instant answeredAt, Long expectedVersion) {
        ReviewCaller caller = callers.person();
        String text = TextInput.required(answer, "answer", Kind.TEXT);
        var document = store.forStep(id, expectedVersion, ReviewStep.RECORD_SIDE_ANSWER, caller);
        Instant now = clock.instant();
        document.recordSideAnswer(text, WorkOrderRules.recordedAt(answeredAt, "answeredAt", now), caller.actor(), now);
        return store.save(document, "review.side-answered", caller);
    }

    /**
     * Judges the review: type, the criteria of that type in the policy that apply (at least one
     * when upheld), upheld or not, the basis (required), the topic. Nobody judges a complaint about
     * themselves. An upheld verdict may be appealed for the policy's days and counts towards early
     * warnings on its topic.
     */
    @PreAuthorize("hasAnyRole('REVIEWER','WHITELIST_OWNER')")
    public Review judge(UUID id, Judgment judgment, Long expectedVersion) {
        ReviewCaller caller = callers.person();
        String basis = TextInput.required(judgment == null ? null : judgment.basis(), "basis", Kind.TEXT);
        String givenTopic = TextInput.optional(judgment.topic(), "topic", Kind.NAME);
        String knowledgeRef = TextInput.optional(judgment.knowledgeRef(), "knowledgeRef", Kind.LINE);
        List<String> codes = judgment.criteria() == null ? List.of() : judgment.criteria().stream()
                .map(c -> TextInput.optional(c, "criteria", Kind.CODE)).toList();
        var document = store.forStep(id, expectedVersion, ReviewStep.JUDGE, caller);
        if (judgment.type() == null) {
            throw OmbudException.badRequest("REQUIRED", "type", "{0} is required", "type");
        }
        Actor actor = caller.actor();
        PolicyVersion current = policy.current();
        List<String> criteria = criteria(judgment.type(), codes, judgment.upheld(), current.content());
        String topic = TextInput.required(givenTopic == null ? document.workOrder().topic() : givenTopic, "topic",
                Kind.NAME);
        Instant now = clock.instant();
        var verdict = new Verdict(judgment.type(), criteria, judgment.upheld(), basis, knowledgeRef, topic,
                actor.subject(), actor.name(), now, current.number());
        document.judge(verdict, now.plus(Duration.ofDays(current.content().reviewWindows().appealDays())), actor,
                now);
        var saved = store.save(document, judgment.upheld() ? "review.judged-upheld" : "review.judged-not-upheld");
        notices.tell(id, "judged", saved.workOrder().accusedEmployeeId(), "review.notice.judged",
                List.of(saved.number()));
        if (judgment.upheld()) {
            warnings.check(id);
        }
        return ReviewStore.present(store.find(id).view(), actor);
    }

    private static List<String> criteria(JudgmentType type, List<String> given, boolean upheld,
            PolicyContent content) {
        List<String> codes = given.stream().filter(c -> c != null).distinct().toList();
        for (String code : codes) {
            if (content.reviewCriteria().find(type, code).isEmpty()) {
                throw OmbudException.badRequest("REVIEW_CRITERION_UNKNOWN", "criteria",
                        "{0} is not a {1} criterion of the policy in force", code, type.name());
            }
        }
        if (upheld && codes.isEmpty()) {
            throw OmbudException.badRequest("REVIEW_CRITERIA_REQUIRED", "criteria",
                    "An upheld verdict names the criteria that apply");
        }
        return codes;
    }
}
