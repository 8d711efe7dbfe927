package app.ombud.policy;

/** One criterion of a review verdict (SPEC §5), e.g. A_ARGUING "与客户争吵"; reviewers tick those that apply. */
public record JudgmentCriterion(String code, LocalizedText text) {

    public JudgmentCriterion {
        code = code == null ? null : code.strip();
    }
}
