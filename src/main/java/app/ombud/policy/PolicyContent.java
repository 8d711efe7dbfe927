package app.ombud.policy;

import java.util.Map;
import java.util.Set;

/**
 * Everything a policy version holds; each section validates itself. A version stored before a
 * section existed reads with that section's defaults.
 */
public record PolicyContent(Grading grading, Routing routing, ReviewWindows reviewWindows,
        CallTestThresholds callTestThresholds, MessageTemplates templates, OperationsTargets operations,
        WorkingCalendar calendar, ReviewCriteria reviewCriteria) {

    public PolicyContent {
        reviewCriteria = reviewCriteria == null ? PolicyDefaults.reviewCriteria() : reviewCriteria;
    }

    public PolicyContent withGrading(Grading value) {
        return new PolicyContent(value, routing, reviewWindows, callTestThresholds, templates, operations, calendar,
                reviewCriteria);
    }

    public PolicyContent withRouting(Routing value) {
        return new PolicyContent(grading, value, reviewWindows, callTestThresholds, templates, operations, calendar,
                reviewCriteria);
    }

    public PolicyContent withReviewWindows(ReviewWindows value) {
        return new PolicyContent(grading, routing, value, callTestThresholds, templates, operations, calendar,
                reviewCriteria);
    }

    public PolicyContent withCallTestThresholds(CallTestThresholds value) {
        return new PolicyContent(grading, routing, reviewWindows, value, templates, operations, calendar,
                reviewCriteria);
    }

    public PolicyContent withTemplates(MessageTemplates value) {
        return new PolicyContent(grading, routing, reviewWindows, callTestThresholds, value, operations, calendar,
                reviewCriteria);
    }

    public PolicyContent withOperations(OperationsTargets value) {
        return new PolicyContent(grading, routing, reviewWindows, callTestThresholds, templates, value, calendar,
                reviewCriteria);
    }

    public PolicyContent withCalendar(WorkingCalendar value) {
        return new PolicyContent(grading, routing, reviewWindows, callTestThresholds, templates, operations, value,
                reviewCriteria);
    }

    public PolicyContent withReviewCriteria(ReviewCriteria value) {
        return new PolicyContent(grading, routing, reviewWindows, callTestThresholds, templates, operations, calendar,
                value);
    }

    /**
     * The employee IDs the policy names, by the field that names them; a save must name only
     * people of the directory (sections that name departments or teams add theirs here too).
     */
    public Map<String, Set<String>> employeeIds() {
        return Map.of("dutyChiefEmployeeIds", Set.copyOf(reviewWindows.dutyChiefEmployeeIds()));
    }

    public PolicyContent validate() {
        grading.validate();
        routing.validate();
        reviewWindows.validate();
        callTestThresholds.validate();
        templates.validate();
        operations.validate();
        calendar.validate();
        reviewCriteria.validate();
        return this;
    }
}
