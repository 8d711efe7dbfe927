package app.ombud.policy;

import java.math.BigDecimal;

/**
 * The six test-call measures of SPEC §4 and the value each must reach. Rates are percentages;
 * rings and minutes are counts.
 */
public record CallTestThresholds(BigDecimal onSpotResolutionRateMin, BigDecimal followUpOnTimeRateMin,
        int ringsBeforeAnswerMax, int onlineFirstReplyMinutesMax, BigDecimal communicationSatisfactionRateMin,
        BigDecimal knowledgeErrorRateMax) implements PolicySection {

    public CallTestThresholds validate() {
        percent(onSpotResolutionRateMin, "onSpotResolutionRateMin");
        percent(followUpOnTimeRateMin, "followUpOnTimeRateMin");
        Grading.range(ringsBeforeAnswerMax, 1, 30, "ringsBeforeAnswerMax");
        Grading.range(onlineFirstReplyMinutesMax, 1, 120, "onlineFirstReplyMinutesMax");
        percent(communicationSatisfactionRateMin, "communicationSatisfactionRateMin");
        percent(knowledgeErrorRateMax, "knowledgeErrorRateMax");
        return this;
    }

    static void percent(BigDecimal value, String field) {
        if (value == null || value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw app.ombud.platform.OmbudException.badRequest("VALUE_OUT_OF_RANGE", field,
                    "{0} must be between {1} and {2}", field, 0, 100);
        }
    }
}
