package app.ombud.escalation;

/** Why a case is escalated (SPEC §2). */
public enum EscalationTrigger {
    /** (a) The resolution deadline passed. Raised by Ombud. */
    DEADLINE_BREACHED,
    /** (b) The customer rejected the result again after a rework. Raised by Ombud. */
    REJECTED_AFTER_REWORK,
    /** (a) Beyond the department's ability. */
    BEYOND_ABILITY,
    /** (c) Several departments are involved. */
    CROSS_DEPARTMENT
}
