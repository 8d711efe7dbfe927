package app.ombud.complaint.internal;

import app.ombud.complaint.Assignment;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.Person;
import app.ombud.platform.Actor;
import app.ombud.platform.Role;
import java.util.Optional;
import java.util.UUID;

/**
 * Who reads or acts on cases in this request: the actor with their department and team, looked
 * up once ({@link #of}); which cases they see ({@link CaseQueries#visibleTo}) and their relation
 * to each case ({@link #callerOf}) follow without another directory call, also for a whole page.
 */
public record CaseReader(Actor actor, UUID departmentId, UUID teamId) {

    /** The one directory call of a request. */
    public static CaseReader of(Actor actor, DirectoryService directory) {
        Optional<Person> person = actor.employeeId() == null ? Optional.empty()
                : directory.personByEmployeeId(actor.employeeId());
        return new CaseReader(actor, person.map(Person::departmentId).orElse(null),
                person.map(Person::teamId).orElse(null));
    }

    public CaseCaller callerOf(CaseDocument document) {
        Assignment assignment = document.assignment();
        String me = actor.key();
        boolean owner = assignment != null && me.equals(assignment.ownerEmployeeId());
        boolean teamLead = assignment != null && actor.has(Role.TEAM_LEAD) && teamId != null
                && teamId.equals(assignment.teamId());
        boolean head = assignment != null && actor.has(Role.DEPT_HEAD) && departmentId != null
                && departmentId.equals(assignment.departmentId());
        return new CaseCaller(actor, me.equals(document.view().intakeBy()), owner, teamLead, head);
    }
}
