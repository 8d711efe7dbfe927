package app.ombud.directory;

import java.util.UUID;

/** What an admin enters for a department. */
public record DepartmentInput(String code, String name, UUID parentId, String headEmployeeId) {
}
