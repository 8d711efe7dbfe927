package app.ombud.improvement;

/**
 * The steps a person can take on an improvement action; {@code ImprovementAction.allowedSteps}
 * says which the caller may take now, and the action page shows exactly those. (A re-test result
 * is recorded by the test-call module through {@link ImprovementService#recordRetest}, not a step
 * of the page.)
 */
public enum ImprovementStep {
    /** The owner reports progress (the first report starts the work). */
    REPORT_PROGRESS,
    /** The owner submits the action for verification. */
    SUBMIT_FOR_VERIFICATION,
    /** The raiser's side verifies: effective (closed) or not (reopened); never the owner. */
    VERIFY,
    /** The raiser's side cancels the action with a reason. */
    CANCEL
}
