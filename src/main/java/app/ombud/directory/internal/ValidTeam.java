package app.ombud.directory.internal;

import java.util.UUID;

/** A team's fields after validation. */
public record ValidTeam(String name, UUID departmentId, String leadEmployeeId) {
}
