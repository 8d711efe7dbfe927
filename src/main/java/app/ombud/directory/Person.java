package app.ombud.directory;

import app.ombud.platform.Role;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A person of the call center as the directory knows them (never their password). */
public record Person(UUID id, String employeeId, String name, UUID departmentId, UUID teamId, Set<Role> roles,
        boolean active, String phone, String email, boolean canLogIn, Instant lockedUntil, Instant lastLoginAt,
        long version) {
}
