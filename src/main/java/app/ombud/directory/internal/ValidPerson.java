package app.ombud.directory.internal;

import app.ombud.platform.Role;
import java.util.Set;
import java.util.UUID;

/** A person's fields after validation: trimmed, checked, references resolved. */
public record ValidPerson(String employeeId, String name, UUID departmentId, UUID teamId, Set<Role> roles, boolean active,
        String phone, String email) {
}

