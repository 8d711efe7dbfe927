package app.ombud.complaint.internal;

import app.ombud.platform.Actor;
import app.ombud.platform.Role;

/**
 * The caller's relation to one case, resolved by {@link CaseReader#callerOf} without another
 * directory call: whether they took it in, own it, lead its team, head its department, or lead
 * the company (leadership or admin). {@link CaseDocument}'s step rules read only this.
 */
public record CaseCaller(Actor actor, boolean intakeAgent, boolean owner, boolean teamLead, boolean departmentHead) {

    /** A person acts (an API client handles no case and dispatches none). */
    public boolean person() {
        return actor.namesPerson();
    }

    /** Leadership and admins handle every case. */
    public boolean leadership() {
        return actor.hasAny(Role.LEADERSHIP, Role.ADMIN);
    }

    /** The case's handlers: its owner, the lead of its team, the head of its department, leadership, admins. */
    public boolean handles() {
        return person() && (leadership() || owner || teamLead || departmentHead);
    }

    public boolean hasAny(Role... roles) {
        return actor.hasAny(roles);
    }
}
