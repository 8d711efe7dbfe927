package app.ombud.policy;

/** The two kinds of internal-review verdict (SPEC §5). */
public enum JudgmentType {
    /** Attitude: arguing, scolding, arrogance, evading, passing the customer on. */
    ATTITUDE,
    /** Business: wrong answers or information that harm the customer or the company, data leaks. */
    BUSINESS
}
