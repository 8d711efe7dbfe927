package app.ombud.policy;

import java.math.BigDecimal;
import java.util.Set;

/**
 * What grading looks at: the category, the flags, the compensation asked (may be null) and how
 * many earlier complaints the same customer made on the same subject within the policy's
 * repeat window.
 */
public record CaseFacts(CaseCategory category, Set<CaseFlag> flags, BigDecimal compensationAsked,
        int repeatComplaints) {

    public CaseFacts {
        flags = flags == null ? Set.of() : Set.copyOf(flags);
    }
}
