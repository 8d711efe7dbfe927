package app.ombud.review;

import java.time.Instant;

/** One call to the customer: when, how it went, a note, who called, and whether an SMS went that day. */
public record ReplyAttempt(Instant at, ReplyOutcome outcome, String note, String by, String byName,
        boolean smsQueued) {
}
