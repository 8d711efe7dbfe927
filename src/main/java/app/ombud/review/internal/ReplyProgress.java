package app.ombud.review.internal;

import app.ombud.review.OtherReply;
import app.ombud.review.Reply;
import app.ombud.review.ReplyAttempt;
import app.ombud.review.ReplyStatus;
import app.ombud.review.SpecialComplainant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How the reply to the customer moves on: each function gives the reply after one step, keeping
 * what the step does not touch. {@link ReviewDocument} checks that the step may be taken and logs it.
 */
final class ReplyProgress {

    private ReplyProgress() {
    }

    /** After a call: reached ends the reply, a failed call keeps it pending. Attempts stay in time order. */
    static Reply called(Reply r, ReplyAttempt attempt, Instant now) {
        List<ReplyAttempt> attempts = new ArrayList<>(r.attempts());
        attempts.add(attempt);
        attempts.sort(Comparator.comparing(ReplyAttempt::at));
        boolean failed = attempt.outcome().failed();
        return new Reply(r.due(), failed ? ReplyStatus.PENDING : ReplyStatus.REPLIED, attempts, r.overdueAt(),
                r.unreachableSmsAt(), r.special(), r.explanationScript(), r.other(), failed ? null : now);
    }

    /** The customer could not be reached: the SMS goes now and the reply ends. */
    static Reply unreachable(Reply r, Instant now) {
        return new Reply(r.due(), ReplyStatus.UNREACHABLE, r.attempts(), r.overdueAt(), now, r.special(),
                r.explanationScript(), r.other(), now);
    }

    /** A special complainant reported ({@code closedAt} null) or decided. */
    static Reply special(Reply r, ReplyStatus status, SpecialComplainant special, Instant closedAt) {
        return new Reply(r.due(), status, r.attempts(), r.overdueAt(), r.unreachableSmsAt(), special,
                r.explanationScript(), r.other(), closedAt);
    }

    static Reply explained(Reply r, String script, Instant now) {
        return new Reply(r.due(), ReplyStatus.DIRECT_EXPLANATION, r.attempts(), r.overdueAt(), r.unreachableSmsAt(),
                r.special(), script, r.other(), now);
    }

    static Reply handledOtherwise(Reply r, OtherReply other, Instant now) {
        return new Reply(r.due(), ReplyStatus.OTHER, r.attempts(), r.overdueAt(), r.unreachableSmsAt(), r.special(),
                r.explanationScript(), other, now);
    }
}
