package app.ombud.review.internal;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One per business topic: when its last early warning went out. Raising a warning is a
 * conditional upsert on it, so two judgments crossing the threshold at once warn once.
 */
@Document("review_warning_topics")
public record WarningTopic(@Id String topicKey, Instant lastWarnedAt) {
}
