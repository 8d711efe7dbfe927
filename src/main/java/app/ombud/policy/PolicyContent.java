package app.ombud.policy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Everything a policy version holds: one record per {@link PolicySections section}, each
 * validating itself. A version stored before a section existed reads with that section's
 * defaults.
 */
public record PolicyContent(Map<String, PolicySection> sections) {

    public PolicyContent {
        Map<String, PolicySection> all = new LinkedHashMap<>();
        for (PolicySections.Kind<?> kind : PolicySections.ALL) {
            PolicySection value = sections.get(kind.key());
            all.put(kind.key(), value != null ? kind.type().cast(value) : kind.defaults().get());
        }
        sections = java.util.Collections.unmodifiableMap(all);
    }

    public <T extends PolicySection> T get(PolicySections.Kind<T> kind) {
        return kind.type().cast(sections.get(kind.key()));
    }

    /** This content with one section replaced. */
    public <T extends PolicySection> PolicyContent with(PolicySections.Kind<T> kind, T value) {
        Map<String, PolicySection> next = new LinkedHashMap<>(sections);
        next.put(kind.key(), kind.type().cast(value));
        return new PolicyContent(next);
    }

    public Grading grading() {
        return get(PolicySections.GRADING);
    }

    public Routing routing() {
        return get(PolicySections.ROUTING);
    }

    public ReviewWindows reviewWindows() {
        return get(PolicySections.REVIEW_WINDOWS);
    }

    public CallTestThresholds callTestThresholds() {
        return get(PolicySections.CALL_TEST_THRESHOLDS);
    }

    public MessageTemplates templates() {
        return get(PolicySections.TEMPLATES);
    }

    public OperationsTargets operations() {
        return get(PolicySections.OPERATIONS);
    }

    public WorkingCalendar calendar() {
        return get(PolicySections.CALENDAR);
    }

    public ReviewCriteria reviewCriteria() {
        return get(PolicySections.REVIEW_CRITERIA);
    }

    public Scorecard scorecard() {
        return get(PolicySections.SCORECARD);
    }

    /**
     * The employee IDs the policy names, by the field that names them; a save must name only
     * people of the directory (sections that name departments or teams add theirs here too).
     */
    public Map<String, Set<String>> employeeIds() {
        return Map.of("dutyChiefEmployeeIds", Set.copyOf(reviewWindows().dutyChiefEmployeeIds()));
    }

    public PolicyContent validate() {
        sections.values().forEach(PolicySection::validate);
        return this;
    }
}
