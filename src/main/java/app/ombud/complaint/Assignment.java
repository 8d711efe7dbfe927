package app.ombud.complaint;

import app.ombud.policy.HandlingRole;
import java.util.UUID;

/** Who handles a case: the responsible department, a team, a person, and the role the level asks for. */
public record Assignment(UUID departmentId, UUID teamId, String ownerEmployeeId, HandlingRole handler) {
}
