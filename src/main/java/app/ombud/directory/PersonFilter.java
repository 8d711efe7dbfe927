package app.ombud.directory;

import app.ombud.platform.Role;
import java.util.UUID;

/** Narrows the people list; null fields do not filter. {@code text} matches employee ID or name. */
public record PersonFilter(String text, UUID departmentId, UUID teamId, Role role, Boolean active) {
    public static final PersonFilter ALL = new PersonFilter(null, null, null, null, null);
}
