package app.ombud.calltest.internal;

import app.ombud.calltest.CallTestGroups;
import app.ombud.calltest.CallTestPlan;
import app.ombud.calltest.PlanStep;
import app.ombud.platform.Actor;
import app.ombud.platform.AuditTrail;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.OmbudException;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What every plan command does the same way: the caller's relation resolved once
 * ({@link PlanCaller}), the plan at the version read with the step's rule met, and the one
 * versioned save with its audit entry.
 */
@Component
public class PlanStore {

    private final PlanFields fields;
    private final CallTestGroups groups;
    private final AuditTrail audit;

    PlanStore(PlanFields fields, CallTestGroups groups, AuditTrail audit) {
        this.fields = fields;
        this.groups = groups;
        this.audit = audit;
    }

    /** A plan to take a step on, and who takes it. */
    public record Step(PlanDocument plan, PlanCaller caller, Actor actor) {
    }

    public PlanCaller caller() {
        return PlanCaller.of(CurrentActor.required(), groups.lead());
    }

    public PlanDocument load(UUID id) {
        return fields.byId(id).orElseThrow(() -> notFound(id));
    }

    /** The plan at the version the caller read, with the step's rule met ({@link PlanDocument#refusal}). */
    public Step take(UUID id, PlanStep step, Long expectedVersion) {
        Actor actor = CurrentActor.requirePerson();
        var caller = PlanCaller.of(actor, groups.lead());
        var plan = load(id);
        if (expectedVersion != null && !expectedVersion.equals(plan.version())) {
            throw OmbudException.concurrentUpdate();
        }
        plan.require(step, caller);
        return new Step(plan, caller, actor);
    }

    public CallTestPlan save(Step step, String action, Map<String, String> details) {
        var saved = fields.save(step.plan());
        audit.record(action, "CallTestPlan", saved.number(), details);
        return saved.view(step.caller());
    }

    public static OmbudException notFound(UUID id) {
        return OmbudException.notFound("CALLTEST_PLAN_NOT_FOUND", "No test-call plan {0}", id);
    }
}
