package app.ombud.policy;

import java.math.BigDecimal;
import java.util.Set;

/**
 * One criterion of a level: it matches when every condition it sets holds — all its flags are
 * on the case, the category is one of its categories, the compensation asked reaches its
 * minimum, the repeat count reaches its minimum. Unset conditions are not tested; a criterion
 * must set at least one.
 */
public record Criterion(String code, LocalizedText text, Set<CaseFlag> flags, Set<CaseCategory> categories,
        BigDecimal minCompensation, Integer minRepeatComplaints) {

    public Criterion {
        flags = flags == null ? Set.of() : Set.copyOf(flags);
        categories = categories == null ? Set.of() : Set.copyOf(categories);
    }

    public boolean hasConditions() {
        return !flags.isEmpty() || !categories.isEmpty() || minCompensation != null || minRepeatComplaints != null;
    }

    public boolean matches(CaseFacts facts) {
        if (!hasConditions()) {
            return false;
        }
        if (!facts.flags().containsAll(flags)) {
            return false;
        }
        if (!categories.isEmpty() && !categories.contains(facts.category())) {
            return false;
        }
        if (minCompensation != null
                && (facts.compensationAsked() == null || facts.compensationAsked().compareTo(minCompensation) < 0)) {
            return false;
        }
        return minRepeatComplaints == null || facts.repeatComplaints() >= minRepeatComplaints;
    }
}
