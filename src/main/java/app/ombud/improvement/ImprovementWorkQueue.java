package app.ombud.improvement;

import app.ombud.directory.DirectoryService;
import app.ombud.directory.Person;
import app.ombud.improvement.internal.ImprovementDocument;
import app.ombud.improvement.internal.ImprovementWorkQueries;
import app.ombud.platform.Actor;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.Role;
import app.ombud.platform.WorkItems;
import app.ombud.policy.PolicyService;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The caller's open improvement actions for the home page: those they own and still work on, and
 * those waiting for their verification (raised by them or — a department head — from their
 * department; never their own). Absent for a caller who is not a person of the call center;
 * earliest due first, overdue ones marked.
 */
@Service
public class ImprovementWorkQueue {

    private final MongoTemplate mongo;
    private final DirectoryService directory;
    private final PolicyService policy;
    private final Clock clock;

    ImprovementWorkQueue(MongoTemplate mongo, DirectoryService directory, PolicyService policy, Clock clock) {
        this.mongo = mongo;
        this.directory = directory;
        this.policy = policy;
        this.clock = clock;
    }

    /** Actions the caller owns and still works on. */
    @PreAuthorize("isAuthenticated()")
    public Optional<WorkItems> owned(int limit) {
        Actor actor = CurrentActor.required();
        return WorkItems.queueFor(actor) ? Optional.of(items(ImprovementWorkQueries.owned(actor.employeeId()), limit))
                : Optional.empty();
    }

    /** Actions submitted for verification by the raiser's side the caller speaks for. */
    @PreAuthorize("isAuthenticated()")
    public Optional<WorkItems> toVerify(int limit) {
        Actor actor = CurrentActor.required();
        if (!WorkItems.queueFor(actor)) {
            return Optional.empty();
        }
        var heads = actor.has(Role.DEPT_HEAD)
                ? directory.personByEmployeeId(actor.employeeId()).map(Person::departmentId).orElse(null) : null;
        return Optional.of(items(ImprovementWorkQueries.toVerify(actor.key(), heads), limit));
    }

    private WorkItems items(Query query, int limit) {
        Instant now = clock.instant();
        var zone = policy.calendar().zone();
        return WorkItems.read(mongo, query, ImprovementWorkQueries.BY_DUE, limit, ImprovementDocument.class, d -> {
            ImprovementAction a = d.view(Set.of());
            boolean owed = a.status().owed();
            return new WorkItems.Item(a.number(), a.title(), "improvement.status." + a.status(),
                    "improvements/" + a.id(), owed ? a.dueBy() : null,
                    owed ? WorkItems.Urgency.of(a.dueBy(), a.overdue(), now, zone) : WorkItems.Urgency.LATER);
        });
    }
}
