package app.ombud.review;

import app.ombud.policy.JudgmentType;
import java.time.Instant;
import java.util.List;

/**
 * A judgment (SPEC §5): its type, the criteria of the policy that apply, upheld or not, the basis
 * (always), a knowledge-base reference for business verdicts, the business topic, the judge and
 * the policy version of the criteria.
 */
public record Verdict(JudgmentType type, List<String> criteria, boolean upheld, String basis, String knowledgeRef,
        String topic, String by, String byName, Instant at, int policyVersion) {

    public Verdict {
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
    }
}
