package app.ombud.complaint;

import java.util.UUID;

/** A case that must be escalated automatically, and why. */
public record EscalationCandidate(UUID caseId, Trigger trigger) {

    /** What makes Ombud escalate a case by itself (SPEC §2 a, b). */
    public enum Trigger { DEADLINE_BREACHED, REJECTED_AFTER_REWORK }
}
