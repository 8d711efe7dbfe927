package app.ombud.review;

import java.time.Instant;

/** A long-term or unreasonable complainant: reported at once, handled by a recorded decision. */
public record SpecialComplainant(Kind kind, String report, String reportedBy, Instant reportedAt, String decision,
        String decidedBy, Instant decidedAt) {

    /** What kind of complainant. */
    public enum Kind { LONG_TERM, UNREASONABLE }
}
