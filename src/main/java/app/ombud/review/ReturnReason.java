package app.ombud.review;

/** Why the review team returns a work order to the team lead (SPEC §5). */
public enum ReturnReason {
    /** The employee gave no explanation to the customer (see the gaps). */
    NO_EXPLANATION,
    /** The complaint is not about an employee fault within scope. */
    OUT_OF_SCOPE
}
