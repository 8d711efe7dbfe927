package app.ombud.calltest;

import app.ombud.calltest.internal.PlanDocument;
import app.ombud.calltest.internal.PlanFields;
import app.ombud.calltest.internal.PlanRules;
import app.ombud.calltest.internal.PlanStore;
import app.ombud.platform.AuditTrail;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.Idempotency;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.Sequences;
import app.ombud.platform.TextInput;
import app.ombud.platform.TextInput.Kind;
import app.ombud.policy.PolicyService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.stereotype.Service;

/**
 * Quarterly test-call plans (SPEC §4): drafted and edited by test-call staff, submitted, approved
 * (or sent back) by the management group's lead — which records the policy version in force as
 * the evaluation criteria — then active until closed. Draws and spot checks are {@link Draws}.
 * Confidential: CALLTEST_STAFF and ADMIN only ({@link CallTestStaff}).
 */
@Service
public class Plans {

    private final PlanFields fields;
    private final PlanStore store;
    private final PlanRules rules;
    private final PolicyService policy;
    private final Sequences sequences;
    private final Idempotency idempotency;
    private final AuditTrail audit;
    private final Clock clock;

    Plans(PlanFields fields, PlanStore store, PlanRules rules, PolicyService policy, Sequences sequences,
            Idempotency idempotency, AuditTrail audit, Clock clock) {
        this.fields = fields;
        this.store = store;
        this.rules = rules;
        this.policy = policy;
        this.sequences = sequences;
        this.idempotency = idempotency;
        this.audit = audit;
        this.clock = clock;
    }

    /** Drafts a plan, once per key. */
    @CallTestStaff
    public CallTestPlan create(PlanInput input, IdempotencyKey key) {
        CurrentActor.requirePerson();
        return idempotency.once("calltest.plan", key, Arrays.asList(input), id -> create(id, input),
                id -> fields.byId(id).map(p -> p.view(store.caller())));
    }

    private CallTestPlan create(UUID id, PlanInput input) {
        var content = rules.content(input, today());
        var actor = CurrentActor.requirePerson();
        String number = "BC-" + content.quarter().replace("-", "") + "-%03d".formatted(
                sequences.next("calltest.plan." + content.quarter()));
        var plan = PlanDocument.draft(id, number, content, actor, clock.instant());
        fields.insert(plan);
        audit.record("calltest.plan.created", "CallTestPlan", number, Map.of("quarter", content.quarter()));
        return plan.view(store.caller());
    }

    /** Replaces the draft's content. */
    @CallTestStaff
    public CallTestPlan edit(UUID id, PlanInput input, Long expectedVersion) {
        CurrentActor.requirePerson();
        var content = rules.content(input, today());
        var step = store.take(id, PlanStep.EDIT, expectedVersion);
        step.plan().edit(content, step.actor(), clock.instant());
        return store.save(step, "calltest.plan.edited", Map.of());
    }

    /** Submits the draft to the group's lead; it needs scenarios, executors and some quota. */
    @CallTestStaff
    public CallTestPlan submit(UUID id, Long expectedVersion) {
        var step = store.take(id, PlanStep.SUBMIT, expectedVersion);
        rules.requireComplete(step.plan().content());
        step.plan().submit(step.actor(), clock.instant());
        return store.save(step, "calltest.plan.submitted", Map.of());
    }

    /** The group's lead approves: the plan is active under the policy version in force now. */
    @CallTestStaff
    public CallTestPlan approve(UUID id, Long expectedVersion) {
        var step = store.take(id, PlanStep.APPROVE, expectedVersion);
        int version = policy.current().number();
        step.plan().approve(version, step.actor(), clock.instant());
        return store.save(step, "calltest.plan.approved", Map.of("policyVersion", Integer.toString(version)));
    }

    /** The group's lead sends the plan back to draft, with a reason. */
    @CallTestStaff
    public CallTestPlan sendBack(UUID id, String reason, Long expectedVersion) {
        CurrentActor.requirePerson();
        String why = TextInput.required(reason, "reason", Kind.NOTE);
        var step = store.take(id, PlanStep.SEND_BACK, expectedVersion);
        step.plan().sendBack(why, step.actor(), clock.instant());
        return store.save(step, "calltest.plan.sent-back", Map.of());
    }

    /** Closes an active plan (the group's lead or an admin). */
    @CallTestStaff
    public CallTestPlan close(UUID id, String note, Long expectedVersion) {
        CurrentActor.requirePerson();
        String remark = TextInput.optional(note, "note", Kind.NOTE);
        var step = store.take(id, PlanStep.CLOSE, expectedVersion);
        step.plan().close(remark, step.actor(), clock.instant());
        return store.save(step, "calltest.plan.closed", Map.of());
    }

    @CallTestStaff
    public CallTestPlan get(UUID id) {
        return store.load(id).view(store.caller());
    }

    /** Plans, newest quarter first; {@code quarter} like 2027-Q1. */
    @CallTestStaff
    public Window<CallTestPlan> search(PlanStatus status, String quarter, ScrollPosition position, int size) {
        var caller = store.caller();
        return fields.search(status, quarter(quarter), position, size).map(p -> p.view(caller));
    }

    @CallTestStaff
    public long count(PlanStatus status, String quarter) {
        return fields.count(status, quarter(quarter));
    }

    private static String quarter(String text) {
        String clean = TextInput.optional(text, "quarter", Kind.CODE);
        return clean == null ? null : Quarter.parse(clean, "quarter").toString();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), policy.calendar().zone());
    }
}
