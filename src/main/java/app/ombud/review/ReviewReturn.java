package app.ombud.review;

import java.time.Instant;
import java.util.Set;

/**
 * A work order sent back: by the team lead to the employee (incomplete; {@code reason} null), or
 * by the review team to the team lead with a reason and, for NO_EXPLANATION, the gaps.
 */
public record ReviewReturn(To to, ReturnReason reason, Set<ExplanationGap> gaps, String note, String by,
        String byName, Instant at) {

    /** Who gets the work order back. */
    public enum To { EMPLOYEE, TEAM_LEAD }

    public ReviewReturn {
        gaps = gaps == null ? Set.of() : Set.copyOf(gaps);
    }
}
