package app.ombud.escalation.internal;

import app.ombud.directory.Person;
import app.ombud.escalation.TaskForce;
import app.ombud.platform.Actor;
import app.ombud.platform.Role;
import java.util.Optional;
import java.util.UUID;

/**
 * Who the caller is to escalations, resolved once per request (one directory call) and then
 * applied to each escalation: leadership or an admin (who oversee every escalation), a
 * superior-department reviewer (SUPERIOR or DEPT_HEAD of the department an escalation goes to),
 * a member of an escalation's task force.
 *
 * @param key the name records keep for the caller ({@link Actor#key()})
 * @param person whether the caller is a person who may take steps (not an API client, not only a BI reader)
 * @param oversees leadership or admin
 * @param department the department the caller reviews for (SUPERIOR or DEPT_HEAD there), or null
 */
public record EscalationCaller(String key, boolean person, boolean oversees, UUID department) {

    /** The caller's relation, from the actor and their directory entry ({@code me}, empty for a non-person). */
    public static EscalationCaller of(Actor actor, Optional<Person> me) {
        boolean staff = actor.namesPerson() && actor.roles().stream().anyMatch(r -> r != Role.BI_READER);
        UUID department = actor.hasAny(Role.SUPERIOR, Role.DEPT_HEAD)
                ? me.map(Person::departmentId).orElse(null) : null;
        return new EscalationCaller(actor.key(), staff, staff && actor.hasAny(Role.ADMIN, Role.LEADERSHIP),
                staff ? department : null);
    }

    /** Whether the caller decides for the superior department of an escalation sent to {@code toDepartmentId}. */
    public boolean reviews(UUID toDepartmentId) {
        return oversees || (person && department != null && department.equals(toDepartmentId));
    }

    /** Whether the caller is the lead or a member of the task force. */
    public boolean inTaskForce(TaskForce force) {
        return person && force != null && force.includes(key);
    }
}
