package app.ombud.complaint;

import app.ombud.complaint.internal.CaseDocument;
import app.ombud.complaint.internal.CaseWorkQueries;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.Person;
import app.ombud.platform.Actor;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.Role;
import app.ombud.platform.WorkItems;
import app.ombud.policy.PolicyService;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The caller's open cases for the home page: those they handle, those of their team or
 * department, and new ones to dispatch. Each list is empty (absent) for a caller without the
 * role, and holds only cases the caller may see; earliest deadline first.
 */
@Service
public class CaseWorkQueue {

    private final MongoTemplate mongo;
    private final DirectoryService directory;
    private final PolicyService policy;
    private final Clock clock;

    CaseWorkQueue(MongoTemplate mongo, DirectoryService directory, PolicyService policy, Clock clock) {
        this.mongo = mongo;
        this.directory = directory;
        this.policy = policy;
        this.clock = clock;
    }

    /** The cases the caller owns and works on. */
    @PreAuthorize("isAuthenticated()")
    public Optional<WorkItems> handling(int limit) {
        Actor actor = CurrentActor.required();
        return WorkItems.queueFor(actor) ? Optional.of(items(CaseWorkQueries.ownedBy(actor.employeeId()), limit))
                : Optional.empty();
    }

    /** A team lead's: their team's open cases; a department head's: their department's. */
    @PreAuthorize("isAuthenticated()")
    public Optional<WorkItems> team(int limit) {
        Actor actor = CurrentActor.required();
        if (!WorkItems.queueFor(actor)) {
            return Optional.empty();
        }
        Optional<Person> me = me(actor);
        if (actor.has(Role.DEPT_HEAD) && me.map(Person::departmentId).isPresent()) {
            return Optional.of(items(CaseWorkQueries.ofDepartment(me.get().departmentId(), actor.employeeId()), limit));
        }
        if (actor.has(Role.TEAM_LEAD) && me.map(Person::teamId).isPresent()) {
            return Optional.of(items(CaseWorkQueries.ofTeam(me.get().teamId(), actor.employeeId()), limit));
        }
        return Optional.empty();
    }

    /** New cases the caller may dispatch: leadership and admins all, heads their department's, leads their team's. */
    @PreAuthorize("isAuthenticated()")
    public Optional<WorkItems> toDispatch(int limit) {
        Actor actor = CurrentActor.required();
        if (!WorkItems.queueFor(actor) || !actor.hasAny(Role.TEAM_LEAD, Role.DEPT_HEAD, Role.LEADERSHIP, Role.ADMIN)) {
            return Optional.empty();
        }
        boolean all = actor.hasAny(Role.LEADERSHIP, Role.ADMIN);
        Optional<Person> me = all ? Optional.empty() : me(actor);
        return Optional.of(items(CaseWorkQueries.toDispatch(
                actor.has(Role.TEAM_LEAD) ? me.map(Person::teamId).orElse(null) : null,
                actor.has(Role.DEPT_HEAD) ? me.map(Person::departmentId).orElse(null) : null, all), limit));
    }

    private WorkItems items(Query query, int limit) {
        Instant now = clock.instant();
        var zone = policy.calendar().zone();
        return WorkItems.read(mongo, query, CaseWorkQueries.BY_DEADLINE, limit, CaseDocument.class, document -> {
            ComplaintCase c = document.view();
            Instant due = c.deadlines() == null ? null : c.deadlines().resolutionDue();
            return new WorkItems.Item(c.number(), c.subject(), "case.status." + c.status(), "cases/" + c.id(), due,
                    WorkItems.Urgency.of(due, c.deadlines() != null && c.deadlines().breachedAt() != null, now, zone));
        });
    }

    private Optional<Person> me(Actor actor) {
        return actor.employeeId() == null ? Optional.empty() : directory.personByEmployeeId(actor.employeeId());
    }
}
