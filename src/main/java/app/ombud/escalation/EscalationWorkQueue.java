package app.ombud.escalation;

import app.ombud.directory.DirectoryService;
import app.ombud.directory.Person;
import app.ombud.escalation.internal.EscalationDocument;
import app.ombud.escalation.internal.EscalationWorkQueries;
import app.ombud.platform.Actor;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.Role;
import app.ombud.platform.WorkItems;
import app.ombud.policy.PolicyService;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The caller's open escalations for the home page: those their superior department must review
 * (approve, judge the report, evaluate) — for leadership and admins those without a superior
 * department — and those their task force works on. Absent for a caller without the role.
 */
@Service
public class EscalationWorkQueue {

    private final MongoTemplate mongo;
    private final DirectoryService directory;
    private final PolicyService policy;
    private final Clock clock;

    EscalationWorkQueue(MongoTemplate mongo, DirectoryService directory, PolicyService policy, Clock clock) {
        this.mongo = mongo;
        this.directory = directory;
        this.policy = policy;
        this.clock = clock;
    }

    /** Escalations waiting for the caller as the superior department's reviewer. */
    @PreAuthorize("isAuthenticated()")
    public Optional<WorkItems> toReview(int limit) {
        Actor actor = CurrentActor.required();
        if (!WorkItems.queueFor(actor)) {
            return Optional.empty();
        }
        if (actor.hasAny(Role.SUPERIOR, Role.DEPT_HEAD)) {
            var department = directory.personByEmployeeId(actor.employeeId()).map(Person::departmentId);
            if (department.isPresent()) {
                return Optional.of(items(EscalationWorkQueries.toReview(department.get()), limit));
            }
        }
        return actor.hasAny(Role.LEADERSHIP, Role.ADMIN)
                ? Optional.of(items(EscalationWorkQueries.toReview(null), limit)) : Optional.empty();
    }

    /** Escalations whose task force the caller leads or sits on, while the task force has work. */
    @PreAuthorize("isAuthenticated()")
    public Optional<WorkItems> taskForce(int limit) {
        Actor actor = CurrentActor.required();
        return WorkItems.queueFor(actor) ? Optional.of(items(EscalationWorkQueries.forTaskForce(actor.employeeId()), limit))
                : Optional.empty();
    }

    private WorkItems items(Query query, int limit) {
        Instant now = clock.instant();
        var zone = policy.calendar().zone();
        return WorkItems.read(mongo, query, EscalationWorkQueries.BY_DUE, limit, EscalationDocument.class, document -> {
            Escalation e = document.view(Set.of());
            Instant due = due(e);
            boolean flagged = e.status() == EscalationStatus.SUBMITTED && e.reviewOverdueAt() != null;
            return new WorkItems.Item(e.number(), e.caseNumber() + " " + e.form().situation(),
                    "escalation.status." + e.status(), "escalations/" + e.id(), due,
                    WorkItems.Urgency.of(due, flagged, now, zone));
        });
    }

    /** The review's due time while it waits for approval; while the task force works, its earliest open plan step. */
    private static Instant due(Escalation e) {
        if (e.status() == EscalationStatus.SUBMITTED) {
            return e.reviewDue();
        }
        return e.steps().stream().filter(step -> !step.done()).map(PlanStep::due).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
    }
}
