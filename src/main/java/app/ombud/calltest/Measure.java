package app.ombud.calltest;

import app.ombud.policy.CallTestThresholds;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The measures of a test call (issue 11, SPEC §4) — these names are the BI contract. 0/1 and rate
 * measures are in percent (a call solved on the spot counts 100, one that was not 0), so their
 * mean is the rate; rings, minutes and the scorecard score are the values themselves. Each has
 * the policy's threshold and whether a mean must stay at least at it or at most at it.
 */
public enum Measure {

    /** 100 when the problem was solved on the spot, else 0. */
    ON_SPOT_RESOLUTION(Direction.AT_LEAST),
    /** Calls with a promised follow-up whose due time has passed: 100 when delivered by then, else 0. */
    FOLLOW_UP_ON_TIME(Direction.AT_LEAST),
    /** Phone: rings before the agent picked up. */
    RINGS_BEFORE_ANSWER(Direction.AT_MOST),
    /** Online: minutes to the agent's first reply. */
    ONLINE_FIRST_REPLY_MINUTES(Direction.AT_MOST),
    /** 100 when the communication rating is at least the policy's satisfied rating (default 4), else 0. */
    COMMUNICATION_SATISFACTION(Direction.AT_LEAST),
    /** Knowledge points answered wrong ÷ checked × 100; calls that checked none are left out. */
    KNOWLEDGE_ERROR_RATE(Direction.AT_MOST),
    /** The call's scorecard score, 0–100 ({@link Scoring}); the policy sets no threshold for it. */
    SCORECARD(Direction.AT_LEAST);

    /** Whether a mean meets its threshold by reaching it or by staying under it. */
    public enum Direction {
        AT_LEAST, AT_MOST
    }

    private final Direction direction;

    Measure(Direction direction) {
        this.direction = direction;
    }

    public Direction direction() {
        return direction;
    }

    /** The policy's threshold of this measure; empty for the scorecard score, which has none. */
    public Optional<BigDecimal> threshold(CallTestThresholds t) {
        return Optional.ofNullable(switch (this) {
            case ON_SPOT_RESOLUTION -> t.onSpotResolutionRateMin();
            case FOLLOW_UP_ON_TIME -> t.followUpOnTimeRateMin();
            case RINGS_BEFORE_ANSWER -> BigDecimal.valueOf(t.ringsBeforeAnswerMax());
            case ONLINE_FIRST_REPLY_MINUTES -> BigDecimal.valueOf(t.onlineFirstReplyMinutesMax());
            case COMMUNICATION_SATISFACTION -> t.communicationSatisfactionRateMin();
            case KNOWLEDGE_ERROR_RATE -> t.knowledgeErrorRateMax();
            case SCORECARD -> null;
        });
    }

    /** Whether {@code mean} meets {@code threshold} in this measure's direction. */
    public boolean meets(double mean, BigDecimal threshold) {
        int compared = BigDecimal.valueOf(mean).compareTo(threshold);
        return direction == Direction.AT_LEAST ? compared >= 0 : compared <= 0;
    }
}
