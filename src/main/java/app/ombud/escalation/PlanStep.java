package app.ombud.escalation;

import java.time.Instant;
import java.util.UUID;

/** A dated step of the task force's plan, with its owner. */
public record PlanStep(UUID id, String title, String ownerEmployeeId, Instant due, boolean done, Instant doneAt) {
}
