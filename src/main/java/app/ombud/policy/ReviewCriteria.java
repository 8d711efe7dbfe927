package app.ombud.policy;

import app.ombud.platform.OmbudException;
import app.ombud.platform.TextInput.Kind;
import app.ombud.platform.TextInput;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The criteria a review verdict is judged against, per type (SPEC §5): the attitude list and the
 * business list. Codes are unique across both lists; a verdict records the codes it applied.
 */
public record ReviewCriteria(List<JudgmentCriterion> attitude, List<JudgmentCriterion> business) implements PolicySection {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    private static final int MAX = 50;

    public ReviewCriteria {
        attitude = attitude == null ? List.of() : List.copyOf(attitude);
        business = business == null ? List.of() : List.copyOf(business);
    }

    /** The criteria of one type. */
    public List<JudgmentCriterion> of(JudgmentType type) {
        return type == JudgmentType.ATTITUDE ? attitude : business;
    }

    public Optional<JudgmentCriterion> find(JudgmentType type, String code) {
        return of(type).stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public ReviewCriteria validate() {
        checkTexts(attitude, "attitude");
        checkTexts(business, "business");
        Set<String> codes = new HashSet<>();
        check(attitude, "attitude", codes);
        check(business, "business", codes);
        return this;
    }

    private static void check(List<JudgmentCriterion> list, String field, Set<String> codes) {
        if (list.isEmpty()) {
            throw OmbudException.badRequest("REVIEW_CRITERIA_EMPTY", field, "The {0} list needs at least one criterion",
                    field);
        }
        if (list.size() > MAX) {
            throw OmbudException.badRequest("VALUE_OUT_OF_RANGE", field, "{0} must be between {1} and {2}", field, 1,
                    MAX);
        }
        for (int i = 0; i < list.size(); i++) {
            JudgmentCriterion criterion = list.get(i);
            String at = field + "[" + i + "]";
            String code = criterion == null || criterion.code() == null ? "" : criterion.code().strip();
            if (!CODE.matcher(code).matches()) {
                throw OmbudException.badRequest("CRITERION_CODE_INVALID", at + ".code",
                        "A code is 2 to 40 capital letters, digits or underscores, starting with a letter: {0}", code);
            }
            if (!codes.add(code)) {
                throw OmbudException.badRequest("CRITERION_CODE_TAKEN", at + ".code", "The criterion code {0} is used twice",
                        code);
            }
            LocalizedText text = criterion.text();
            if (text == null || !text.given(at + ".text", Kind.LINE)) {
                throw OmbudException.badRequest("REQUIRED", at + ".text", "{0} is required", at + ".text");
            }
        }
    }

    /** The codes and texts of a list, before any other rule. */
    private static void checkTexts(List<JudgmentCriterion> list, String field) {
        for (int i = 0; i < list.size(); i++) {
            JudgmentCriterion criterion = list.get(i);
            if (criterion == null) {
                continue;
            }
            String at = field + "[" + i + "]";
            TextInput.optional(criterion.code(), at + ".code", Kind.CODE);
            if (criterion.text() != null) {
                criterion.text().given(at + ".text", Kind.LINE);
            }
        }
    }
}
