package app.ombud.improvement;

/** Which actions a list shows, always within what the caller may see. */
public enum ImprovementScope {
    /** Actions the caller owns or raised. */
    MINE,
    /** Actions of the caller's department. */
    DEPARTMENT,
    /** Open actions flagged overdue. */
    OVERDUE,
    /** Every action the caller may see. */
    ALL
}
