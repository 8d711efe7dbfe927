package app.ombud.review;

/** Where the reply to the customer stands (SPEC §5). */
public enum ReplyStatus {
    /** Not reached yet: call within the reply window, follow up daily. */
    PENDING,
    /** The customer was reached by phone. */
    REPLIED,
    /** Unreachable through the follow-up days: the verdict-free SMS went to the outbox. */
    UNREACHABLE,
    /** A long-term or unreasonable complainant was reported; waiting for the decision. */
    SPECIAL_REPORTED,
    /** The special case was handled by decision. */
    SPECIAL_DECIDED,
    /** Direct explanation: agents use the recorded script when the customer calls. */
    DIRECT_EXPLANATION,
    /** Other: already a complaint ticket, or handed to another line. */
    OTHER,
    /** The review was withdrawn before a verdict; the review team owes no reply. */
    WITHDRAWN;

    /** Whether the reply is still owed (the scheduler follows it up). */
    public boolean open() {
        return this == PENDING;
    }
}
