package app.ombud.review;

import app.ombud.policy.JudgmentType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A case of the library as every employee may read it: what happened, the verdict and the lesson —
 * without the accused, the customer's numbers or the people involved.
 */
public record LibraryCase(UUID reviewId, String reviewNumber, String complaint, String demand, JudgmentType type,
        List<String> criteria, Boolean upheld, String basis, String topic, List<String> tags, String lesson,
        String addedByName, Instant addedAt) {
}
