package app.ombud.review;

import java.time.Instant;

/** An "other" reply: the matter is already a complaint ticket, or was handed to another line. */
public record OtherReply(Kind kind, String reference, String by, Instant at) {

    /** Which kind of other handling. */
    public enum Kind { COMPLAINT_TICKET, OTHER_LINE }
}
