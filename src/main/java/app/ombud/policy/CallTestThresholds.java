package app.ombud.policy;

import java.math.BigDecimal;

/**
 * The six test-call measures of SPEC §4 and the value each must reach. Rates are percentages;
 * rings and minutes are counts. A test call's communication rating (1–5) counts as satisfied
 * from {@code communicationSatisfiedRating} up; an agent or team that misses the same measure in
 * {@code consecutiveMissesToFlag} test calls in a row is flagged to the group lead.
 */
public record CallTestThresholds(BigDecimal onSpotResolutionRateMin, BigDecimal followUpOnTimeRateMin,
        int ringsBeforeAnswerMax, int onlineFirstReplyMinutesMax, BigDecimal communicationSatisfactionRateMin,
        BigDecimal knowledgeErrorRateMax, Integer communicationSatisfiedRating, Integer consecutiveMissesToFlag)
        implements PolicySection {

    /** The lowest communication rating that counts as satisfied, when a stored version predates the setting. */
    public static final int DEFAULT_COMMUNICATION_SATISFIED_RATING = 4;
    /** Test calls in a row missing the same measure before a flag, when a stored version predates the setting. */
    public static final int DEFAULT_CONSECUTIVE_MISSES_TO_FLAG = 3;

    public CallTestThresholds {
        communicationSatisfiedRating = communicationSatisfiedRating == null ? DEFAULT_COMMUNICATION_SATISFIED_RATING
                : communicationSatisfiedRating;
        consecutiveMissesToFlag = consecutiveMissesToFlag == null ? DEFAULT_CONSECUTIVE_MISSES_TO_FLAG
                : consecutiveMissesToFlag;
    }

    /** The thresholds before the satisfied rating and the flag were settings: their defaults. */
    public CallTestThresholds(BigDecimal onSpotResolutionRateMin, BigDecimal followUpOnTimeRateMin,
            int ringsBeforeAnswerMax, int onlineFirstReplyMinutesMax, BigDecimal communicationSatisfactionRateMin,
            BigDecimal knowledgeErrorRateMax) {
        this(onSpotResolutionRateMin, followUpOnTimeRateMin, ringsBeforeAnswerMax, onlineFirstReplyMinutesMax,
                communicationSatisfactionRateMin, knowledgeErrorRateMax, null, null);
    }

    public CallTestThresholds validate() {
        percent(onSpotResolutionRateMin, "onSpotResolutionRateMin");
        percent(followUpOnTimeRateMin, "followUpOnTimeRateMin");
        Grading.range(ringsBeforeAnswerMax, 1, 30, "ringsBeforeAnswerMax");
        Grading.range(onlineFirstReplyMinutesMax, 1, 120, "onlineFirstReplyMinutesMax");
        percent(communicationSatisfactionRateMin, "communicationSatisfactionRateMin");
        percent(knowledgeErrorRateMax, "knowledgeErrorRateMax");
        Grading.range(communicationSatisfiedRating, 1, 5, "communicationSatisfiedRating");
        Grading.range(consecutiveMissesToFlag, 1, 20, "consecutiveMissesToFlag");
        return this;
    }

    static void percent(BigDecimal value, String field) {
        if (value == null || value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw app.ombud.platform.OmbudException.badRequest("VALUE_OUT_OF_RANGE", field,
                    "{0} must be between {1} and {2}", field, 0, 100);
        }
    }
}
