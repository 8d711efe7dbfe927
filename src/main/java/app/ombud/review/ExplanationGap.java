package app.ombud.review;

/** What the employee failed to do when the customer complained (a reason to return a work order). */
public enum ExplanationGap {
    /** Did not calm the customer. */
    NO_CALMING,
    /** Did not apologise and explain. */
    NO_APOLOGY_OR_EXPLANATION,
    /** Did not guide the customer to the real issue. */
    NO_GUIDANCE
}
