package app.ombud.policy;

import java.time.Instant;
import java.util.List;

/**
 * An immutable version of the policy: its number, who saved it (the subject and, for a person, the
 * name they signed in with; none for versions stored before names were kept), when, why (the
 * admin's comment, and how it came about with that origin's arguments), and what changed.
 */
public record PolicyVersion(int number, PolicyContent content, String author, Instant createdAt, String comment,
        List<String> changedSections, PolicyOrigin origin, List<String> originArgs, String authorName) {
}
