package app.ombud.calltest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * What an executor recorded of one test call, as far as the measures need it: rings before pickup
 * (phone) or minutes to the first reply (online), solved on the spot, a follow-up promised (due)
 * and delivered (when), the communication rating 1–5, the knowledge points checked and answered
 * wrong, and the scorecard score. A null fact is one the call did not record.
 */
public record CallFacts(Integer ringsBeforeAnswer, BigDecimal firstReplyMinutes, Boolean solvedOnSpot,
        Instant followUpDue, Instant followUpDeliveredAt, Integer communicationRating, int knowledgePointsChecked,
        int knowledgePointsWrong, BigDecimal score) {

    /**
     * The call's value of each measure that applies to it ({@link Measure}); measures that do not
     * apply are absent — never 0. A follow-up counts once its due time has passed by {@code now}.
     */
    public Map<Measure, Double> measures(int satisfiedRating, Instant now) {
        Map<Measure, Double> values = new EnumMap<>(Measure.class);
        if (solvedOnSpot != null) {
            values.put(Measure.ON_SPOT_RESOLUTION, solvedOnSpot ? 100.0 : 0.0);
        }
        if (followUpDue != null && !followUpDue.isAfter(now)) {
            boolean onTime = followUpDeliveredAt != null && !followUpDeliveredAt.isAfter(followUpDue);
            values.put(Measure.FOLLOW_UP_ON_TIME, onTime ? 100.0 : 0.0);
        }
        if (ringsBeforeAnswer != null) {
            values.put(Measure.RINGS_BEFORE_ANSWER, ringsBeforeAnswer.doubleValue());
        }
        if (firstReplyMinutes != null) {
            values.put(Measure.ONLINE_FIRST_REPLY_MINUTES, firstReplyMinutes.doubleValue());
        }
        if (communicationRating != null) {
            values.put(Measure.COMMUNICATION_SATISFACTION, communicationRating >= satisfiedRating ? 100.0 : 0.0);
        }
        if (knowledgePointsChecked > 0) {
            values.put(Measure.KNOWLEDGE_ERROR_RATE, 100.0 * knowledgePointsWrong / knowledgePointsChecked);
        }
        if (score != null) {
            values.put(Measure.SCORECARD, score.doubleValue());
        }
        return values;
    }
}
