package app.ombud.calltest.internal;

import app.ombud.platform.Actor;
import app.ombud.platform.Role;

/**
 * The caller's relation to test calls, resolved once per request: a person of the test-call staff,
 * the management group's lead, an admin. Whether they recorded or graded a given call the
 * document answers from its own fields.
 */
public record TestCallCaller(Actor actor, boolean staff, boolean groupLead, boolean admin) {

    public static TestCallCaller of(Actor actor, String groupLead) {
        return new TestCallCaller(actor, actor.namesPerson() && actor.has(Role.CALLTEST_STAFF),
                actor.namesPerson() && actor.employeeId() != null && actor.employeeId().equals(groupLead),
                actor.has(Role.ADMIN));
    }

    public String key() {
        return actor.key();
    }
}
