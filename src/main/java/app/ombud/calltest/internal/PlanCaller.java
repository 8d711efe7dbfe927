package app.ombud.calltest.internal;

import app.ombud.platform.Actor;
import app.ombud.platform.Role;
import java.util.Optional;

/**
 * Who the caller is to test-call plans, resolved once per request (the group's lead read once):
 * a person of the programme (CALLTEST_STAFF or ADMIN), the group's lead, an admin.
 *
 * @param key the name records keep for the caller ({@link Actor#key()})
 * @param person a person (not an API client) who may take steps
 * @param staff CALLTEST_STAFF or ADMIN: may edit, draw and add spot checks
 * @param lead the management group's lead: approves, sends back and closes plans
 * @param admin ADMIN: may also close plans
 */
public record PlanCaller(String key, boolean person, boolean staff, boolean lead, boolean admin) {

    public static PlanCaller of(Actor actor, Optional<String> groupLead) {
        boolean person = actor.namesPerson();
        boolean staff = person && actor.hasAny(Role.CALLTEST_STAFF, Role.ADMIN);
        boolean lead = staff && actor.has(Role.CALLTEST_STAFF)
                && groupLead.filter(l -> l.equals(actor.employeeId())).isPresent();
        return new PlanCaller(actor.key(), person, staff, lead, staff && actor.has(Role.ADMIN));
    }
}
