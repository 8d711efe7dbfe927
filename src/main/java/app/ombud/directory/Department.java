package app.ombud.directory;

import java.util.UUID;

/**
 * A department. Its parent is its superior department (上级主管部门), to which escalations go;
 * {@code headEmployeeId} names its head.
 */
public record Department(UUID id, String code, String name, UUID parentId, String headEmployeeId, long version) {
}
