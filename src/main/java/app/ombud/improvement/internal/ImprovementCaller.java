package app.ombud.improvement.internal;

import app.ombud.directory.Person;
import app.ombud.platform.Actor;
import app.ombud.platform.Role;
import java.util.Optional;
import java.util.UUID;

/**
 * Who the caller is to improvement actions, resolved once per request (one directory call) and
 * then applied to each action: leadership or an admin (who oversee every action), a member of the
 * test-call group (CALLTEST_STAFF, the raiser's side of actions from test calls), the head of a
 * department (DEPT_HEAD: the owner's department head, or the raiser's), and — by the key — the
 * raiser or the owner.
 *
 * @param key the name records keep for the caller ({@link Actor#key()})
 * @param person whether the caller is a person who may take steps (not an API client, not only a BI reader)
 * @param oversees leadership or admin
 * @param callTestStaff a member of the test-call group
 * @param heads the department the caller heads (DEPT_HEAD there), or null
 * @param department the caller's own department, or null
 */
public record ImprovementCaller(String key, boolean person, boolean oversees, boolean callTestStaff, UUID heads,
        UUID department) {

    /** The caller's relation, from the actor and their directory entry ({@code me}, empty for a non-person). */
    public static ImprovementCaller of(Actor actor, Optional<Person> me) {
        boolean staff = actor.namesPerson() && actor.roles().stream().anyMatch(r -> r != Role.BI_READER);
        UUID department = staff ? me.map(Person::departmentId).orElse(null) : null;
        return new ImprovementCaller(actor.key(), staff, staff && actor.hasAny(Role.ADMIN, Role.LEADERSHIP),
                staff && actor.has(Role.CALLTEST_STAFF), actor.has(Role.DEPT_HEAD) ? department : null, department);
    }

    /** Whether the caller owns the action. */
    public boolean owns(ImprovementDocument action) {
        return person && key.equals(action.ownerEmployeeId());
    }

    /**
     * Whether the caller speaks for the raiser's side: the raiser, the head of the raiser's
     * department, the test-call group for an action from test calls, leadership or an admin.
     */
    public boolean raiserSide(ImprovementDocument action) {
        return person && (oversees || key.equals(action.raisedBy())
                || heads != null && heads.equals(action.raiserDepartmentId())
                || callTestStaff && action.source().fromTestCalls());
    }
}
