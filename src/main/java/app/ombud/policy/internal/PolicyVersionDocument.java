package app.ombud.policy.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A saved policy version. The number is the document ID, so two admins saving on top of the
 * same version cannot both win: the second insert is a duplicate key. The content is kept as
 * JSON so the stored version is exactly what was validated, whatever the store. The origin is a
 * code ({@code PolicyOrigin}) with arguments, never a sentence; versions stored before it existed
 * have none (see {@link #originOrLegacy()}).
 */
@Document("policy_versions")
public record PolicyVersionDocument(@Id int number, String content, String author, Instant createdAt,
        String comment, List<String> changedSections, String origin, List<String> originArgs, String authorName) {

    /** Before origins were stored, version 1 was written with the English comment "Ombud defaults". */
    static final String LEGACY_DEFAULTS_COMMENT = "Ombud defaults";

    /** The origin, for a version stored without one too. */
    public String originOrLegacy() {
        if (origin != null) {
            return origin;
        }
        return number == 1 && LEGACY_DEFAULTS_COMMENT.equals(comment) ? "DEFAULTS" : "EDIT";
    }

    /** The admin's comment: none for a legacy version 1, whose comment was the English origin. */
    public String commentOrLegacy() {
        return origin == null && number == 1 && LEGACY_DEFAULTS_COMMENT.equals(comment) ? "" : comment;
    }
}
