package app.ombud.directory;

import java.util.UUID;

/** What an admin enters for a team. */
public record TeamInput(String name, UUID departmentId, String leadEmployeeId) {
}
