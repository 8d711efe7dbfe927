package app.ombud.calltest;

/**
 * The steps a person can take on a test-call plan; {@code CallTestPlan.allowedSteps} says which
 * the caller may take now, and the plan page shows exactly those.
 */
public enum PlanStep {
    /** The plan is edited (only as a draft). */
    EDIT,
    /** The draft is submitted to the group lead. */
    SUBMIT,
    /** The group lead approves the plan: it becomes active with the policy version in force. */
    APPROVE,
    /** The group lead sends the plan back to draft with a reason. */
    SEND_BACK,
    /** A month's quota is drawn. */
    DRAW,
    /** A month's draw is cancelled (so that it can be drawn again). */
    CANCEL_DRAW,
    /** A spot check (不定期抽查) is added by hand. */
    ADD_SPOT_CHECK,
    /** A planned slot or spot check is cancelled. */
    CANCEL_SLOT,
    /** The plan is closed. */
    CLOSE
}
