package app.ombud.directory;

import java.util.UUID;

/** A team inside a department, led by a team lead (领班). */
public record Team(UUID id, String name, UUID departmentId, String leadEmployeeId, long version) {
}
