package app.ombud.review.internal;

import app.ombud.review.EarlyWarning;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** A raised early warning, kept for the case-library page. */
@CompoundIndex(name = "raisedAt_id", def = "{'raisedAt': -1, '_id': 1}")
@Document("review_warnings")
public record EarlyWarningDocument(@Id UUID id, String topic, int count, int days, List<String> reviewNumbers,
        List<String> recipients, Instant raisedAt) {

    public EarlyWarning view() {
        return new EarlyWarning(id, topic, count, days, reviewNumbers, recipients, raisedAt);
    }
}
