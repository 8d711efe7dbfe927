package app.ombud.calltest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A test call as the agent it reached sees it, once the report of its period is published: when,
 * the channel, the score, the value of each measure, the problems and suggestions — not the
 * scenario, its script or who called (test content stays with the test-call staff).
 */
public record MyTestCallResult(String number, Instant calledAt, CallChannel channel, BigDecimal score,
        Map<Measure, Double> measures, List<String> problems, String suggestions) {
}
