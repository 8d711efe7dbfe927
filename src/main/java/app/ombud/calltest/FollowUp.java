package app.ombud.calltest;

import java.time.Instant;

/** A follow-up the agent promised (due) and, later, when it was delivered and who recorded that. */
public record FollowUp(Instant promisedDue, Instant deliveredAt, String deliveredRecordedBy) {
}
