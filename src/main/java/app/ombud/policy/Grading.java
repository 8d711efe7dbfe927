package app.ombud.policy;

import app.ombud.platform.OmbudException;
import app.ombud.platform.TextInput.Kind;
import app.ombud.platform.TextInput;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The four complaint levels with their criteria, the repeat window used to count earlier
 * complaints, and the level a case gets when no criterion matches.
 */
public record Grading(List<LevelRule> levels, int repeatWindowDays, int fallbackLevel, Integer warnBeforeHours)
        implements PolicySection {

    /** Hours before a resolution deadline that its handlers are warned, by default. */
    public static final int DEFAULT_WARN_BEFORE_HOURS = 4;

    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");

    public Grading {
        levels = levels.stream().sorted(Comparator.comparingInt(LevelRule::level)).toList();
        warnBeforeHours = warnBeforeHours == null ? DEFAULT_WARN_BEFORE_HOURS : warnBeforeHours;
    }

    /** The grading before the warning's lead time was a setting: its default. */
    public Grading(List<LevelRule> levels, int repeatWindowDays, int fallbackLevel) {
        this(levels, repeatWindowDays, fallbackLevel, null);
    }

    /** The most severe level with a matching criterion, and the criteria that matched there. */
    public GradingResult evaluate(CaseFacts facts, int policyVersion) {
        for (LevelRule level : levels) {
            List<String> matched = level.criteria().stream().filter(c -> c.matches(facts)).map(Criterion::code)
                    .toList();
            if (!matched.isEmpty()) {
                return new GradingResult(level.level(), matched, false, policyVersion);
            }
        }
        return new GradingResult(fallbackLevel, List.of(), true, policyVersion);
    }

    /** The levels whose cases leadership hears of at once. */
    public List<Integer> levelsTellingLeadership() {
        return levels.stream().filter(LevelRule::tellsLeadership).map(LevelRule::level).toList();
    }

    public LevelRule level(int level) {
        return levels.stream().filter(l -> l.level() == level).findFirst()
                .orElseThrow(() -> OmbudException.badRequest("LEVEL_UNKNOWN", "level", "No level {0}", level));
    }

    public Grading validate() {
        checkTexts();
        if (levels.size() != 4 || !levels.stream().map(LevelRule::level).toList().equals(List.of(1, 2, 3, 4))) {
            throw OmbudException.badRequest("LEVELS_NOT_1_TO_4", "levels", "Give exactly the levels 1, 2, 3 and 4");
        }
        Set<String> codes = new HashSet<>();
        for (LevelRule level : levels) {
            String at = "levels[" + level.level() + "]";
            if (level.name() == null || !level.name().given(at + ".name", Kind.NAME)) {
                throw OmbudException.badRequest("REQUIRED", at + ".name", "{0} is required", at + ".name");
            }
            if (level.handler() == null) {
                throw OmbudException.badRequest("REQUIRED", at + ".handler", "{0} is required", at + ".handler");
            }
            range(level.acknowledgeHours(), 1, 720, at + ".acknowledgeHours");
            range(level.resolutionWorkingDays(), 1, 60, at + ".resolutionWorkingDays");
            if (level.criteria().isEmpty()) {
                throw OmbudException.badRequest("LEVEL_WITHOUT_CRITERIA", at + ".criteria",
                        "Level {0} needs at least one criterion", level.level());
            }
            for (Criterion criterion : level.criteria()) {
                String code = criterion.code() == null ? "" : criterion.code().strip();
                if (code.isEmpty()) {
                    throw OmbudException.badRequest("REQUIRED", at + ".criteria.code", "{0} is required",
                            at + ".criteria.code");
                }
                if (!codes.add(code)) {
                    throw OmbudException.badRequest("CRITERION_CODE_TAKEN", at + ".criteria.code",
                            "The criterion code {0} is used twice", code);
                }
                if (!criterion.hasConditions()) {
                    throw OmbudException.badRequest("CRITERION_WITHOUT_CONDITIONS", at + ".criteria." + code,
                            "Criterion {0} tests nothing: set a flag, a category, an amount or a repeat count", code);
                }
                if (criterion.minCompensation() != null && (criterion.minCompensation().signum() < 0
                        || criterion.minCompensation().compareTo(MAX_AMOUNT) > 0)) {
                    throw OmbudException.badRequest("VALUE_OUT_OF_RANGE", at + ".criteria." + code + ".minCompensation",
                            "{0} must be between {1} and {2}", "minCompensation", 0, MAX_AMOUNT);
                }
                if (criterion.minRepeatComplaints() != null) {
                    range(criterion.minRepeatComplaints(), 1, 1000, at + ".criteria." + code + ".minRepeatComplaints");
                }
            }
        }
        range(repeatWindowDays, 1, 365, "repeatWindowDays");
        range(fallbackLevel, 1, 4, "fallbackLevel");
        range(warnBeforeHours, 1, 240, "warnBeforeHours");
        return this;
    }

    /** The texts of every level and criterion, before any other rule. */
    private void checkTexts() {
        for (LevelRule level : levels) {
            String at = "levels[" + level.level() + "]";
            if (level.name() != null) {
                level.name().given(at + ".name", Kind.NAME);
            }
            if (level.description() != null) {
                level.description().given(at + ".description", Kind.NOTE);
            }
            for (Criterion criterion : level.criteria()) {
                TextInput.optional(criterion.code(), at + ".criteria.code", Kind.CODE);
                if (criterion.text() != null) {
                    criterion.text().given(at + ".criteria.text", Kind.LINE);
                }
            }
        }
    }

    static void range(long value, long min, long max, String field) {
        if (value < min || value > max) {
            throw OmbudException.badRequest("VALUE_OUT_OF_RANGE", field, "{0} must be between {1} and {2}", field, min,
                    max);
        }
    }
}
