package app.ombud.review;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An early warning to the duty chiefs: N upheld reviews on one business topic within D days. */
public record EarlyWarning(UUID id, String topic, int count, int days, List<String> reviewNumbers,
        List<String> recipients, Instant raisedAt) {
}
