package app.ombud.calltest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One executor's scoring of a test call on the scorecard of the call's policy version: the answer
 * per item (a value on its scale, or null for N/A) and the resulting score ({@link Scoring}).
 */
public record CallGrading(String executor, String executorName, Map<String, Integer> answers, BigDecimal score,
        BigDecimal weightedScore, List<String> failedCriticalItems, Instant at) {

    public CallGrading {
        answers = answers == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(
                answers));
        failedCriticalItems = failedCriticalItems == null ? List.of() : List.copyOf(failedCriticalItems);
    }
}
