package app.ombud.escalation;

/**
 * The steps a person can take on an escalation (SPEC §2); {@code Escalation.allowedSteps} says
 * which the caller may take now, and the escalation page shows exactly those.
 */
public enum EscalationStep {
    /** The superior department approves or rejects the application. */
    REVIEW,
    /** The superior department forms the task force. */
    FORM_TASK_FORCE,
    /** A dated step is added to the task force's plan. */
    ADD_STEP,
    /** A plan step is marked done. */
    COMPLETE_STEP,
    /** A tracking meeting is recorded. */
    RECORD_MEETING,
    /** The task force submits its report. */
    SUBMIT_REPORT,
    /** The superior department approves the report or sends it back (not who submitted it). */
    REVIEW_REPORT,
    /** The result is told to the customer. */
    SEND_RESULT,
    /** The superior department evaluates and closes the escalation. */
    EVALUATE
}
