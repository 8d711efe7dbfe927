package app.ombud.directory.internal;

import java.util.UUID;

/** A department's fields after validation. */
public record ValidDepartment(String code, String name, UUID parentId, String headEmployeeId) {
}
