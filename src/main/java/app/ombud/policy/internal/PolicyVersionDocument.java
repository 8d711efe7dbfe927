package app.ombud.policy.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A saved policy version. The number is the document ID, so two admins saving on top of the
 * same version cannot both win: the second insert is a duplicate key. The content is kept as
 * JSON so the stored version is exactly what was validated, whatever the store.
 */
@Document("policy_versions")
public record PolicyVersionDocument(@Id int number, String content, String author, Instant createdAt,
        String comment, List<String> changedSections) {
}
