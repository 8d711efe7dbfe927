package app.ombud.policy;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Every section of the policy, by its key: what {@link PolicyContent} holds. */
public final class PolicySections {

    /**
     * A section: its key (its name in the stored JSON, in {@code changedSections}, the GraphQL
     * schema and the translations), its record type, the defaults a fresh store starts with, and
     * for settings whose values are codes the translation prefix of those codes (by the setting's
     * path without list keys, e.g. {@code levels.handler} → {@code policy.role.}), so the history
     * shows 责任部门负责人 rather than DEPARTMENT_HEAD. Settings are labelled by
     * {@code policy.field.<key>.<path>} in the translations.
     */
    public record Kind<T extends PolicySection>(String key, Class<T> type, Supplier<T> defaults,
            Map<String, String> codeLabels) {

        Kind(String key, Class<T> type, Supplier<T> defaults) {
            this(key, type, defaults, Map.of());
        }
    }

    public static final Kind<Grading> GRADING = new Kind<>("grading", Grading.class, PolicyDefaults::grading,
            Map.of("levels.handler", "policy.role.", "levels.criteria.flags", "policy.flag.",
                    "levels.criteria.categories", "policy.category.", "levels.tellsLeadership", "policy.yesNo."));
    public static final Kind<Routing> ROUTING = new Kind<>("routing", Routing.class, PolicyDefaults::routing,
            Map.of("rules.mode", "policy.mode."));
    public static final Kind<ReviewWindows> REVIEW_WINDOWS = new Kind<>("reviewWindows", ReviewWindows.class,
            PolicyDefaults::reviewWindows);
    public static final Kind<CallTestThresholds> CALL_TEST_THRESHOLDS = new Kind<>("callTestThresholds",
            CallTestThresholds.class, PolicyDefaults::callTestThresholds);
    public static final Kind<MessageTemplates> TEMPLATES = new Kind<>("templates", MessageTemplates.class,
            PolicyDefaults::templates);
    public static final Kind<OperationsTargets> OPERATIONS = new Kind<>("operations", OperationsTargets.class,
            PolicyDefaults::operations);
    public static final Kind<WorkingCalendar> CALENDAR = new Kind<>("calendar", WorkingCalendar.class,
            PolicyDefaults::calendar, Map.of("workingDays", "policy.day."));
    public static final Kind<ReviewCriteria> REVIEW_CRITERIA = new Kind<>("reviewCriteria", ReviewCriteria.class,
            PolicyDefaults::reviewCriteria);
    public static final Kind<Scorecard> SCORECARD = new Kind<>("scorecard", Scorecard.class,
            PolicyDefaults::scorecard, Map.of("indicators.subIndicators.items.scale", "policy.scale.",
                    "indicators.subIndicators.items.critical", "policy.yesNo.",
                    "indicators.subIndicators.items.notApplicableAllowed", "policy.yesNo."));

    /** Every section, in the order the portal lists them. */
    public static final List<Kind<?>> ALL = List.of(GRADING, ROUTING, REVIEW_WINDOWS, CALL_TEST_THRESHOLDS, TEMPLATES,
            OPERATIONS, CALENDAR, REVIEW_CRITERIA, SCORECARD);

    private static final Map<String, Kind<?>> BY_KEY = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(Kind::key, Function.identity()));

    private PolicySections() {
    }

    /** The section of a key, or null. */
    public static Kind<?> byKey(String key) {
        return BY_KEY.get(key);
    }
}
