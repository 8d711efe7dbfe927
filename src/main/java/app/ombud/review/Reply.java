package app.ombud.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The reply to the customer — by phone only, due within the policy's hours, followed up daily for
 * the policy's days (SPEC §5). The record is the evidence: every attempt with its time and outcome;
 * when the SMS went; special handling, the explanation script, or the other handling.
 */
public record Reply(Instant due, ReplyStatus status, List<ReplyAttempt> attempts, Instant overdueAt,
        Instant unreachableSmsAt, SpecialComplainant special, String explanationScript, OtherReply other,
        Instant closedAt) {

    public Reply {
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }

    /** Distinct company-local days with a call that did not reach the customer. */
    public long failedDays(ZoneId zone) {
        return attempts.stream().filter(a -> a.outcome().failed()).map(a -> LocalDate.ofInstant(a.at(), zone))
                .distinct().count();
    }
}
