package app.ombud.directory;

import app.ombud.platform.Role;
import java.util.Set;
import java.util.UUID;

/** What an admin enters for a person; the same for the portal form, the API and a CSV row. */
public record PersonInput(String employeeId, String name, UUID departmentId, UUID teamId, Set<Role> roles,
        boolean active, String phone, String email) {
}
