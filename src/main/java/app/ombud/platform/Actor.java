package app.ombud.platform;

import java.util.Set;

/**
 * Who is acting: a person logged in to the portal, an API client, or a token from the
 * company's identity provider. {@code employeeId} is set for people known to the directory.
 */
public record Actor(Kind kind, String subject, String name, String employeeId, Set<Role> roles) {

    /** What kind of principal acts. */
    public enum Kind { PERSON, CLIENT, SYSTEM }

    public static final Actor SYSTEM = new Actor(Kind.SYSTEM, "system", "system", null, Set.of());

    public Actor {
        roles = Set.copyOf(roles);
    }

    /** Whether this actor is a person known by employee ID: a portal login or a token naming the person. */
    public boolean namesPerson() {
        return kind == Kind.PERSON && employeeId != null && !employeeId.isBlank();
    }

    /**
     * The name records keep for this actor (a submitter, an assignee, a notification's reader):
     * the employee ID of a person known to the directory, otherwise the subject.
     */
    public String key() {
        return employeeId != null && !employeeId.isBlank() ? employeeId : subject;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... wanted) {
        for (Role role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
