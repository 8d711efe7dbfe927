package app.ombud.policy;

/** Everything a policy version holds; each section validates itself. */
public record PolicyContent(Grading grading, Routing routing, ReviewWindows reviewWindows,
        CallTestThresholds callTestThresholds, MessageTemplates templates, OperationsTargets operations,
        WorkingCalendar calendar) {

    public PolicyContent withGrading(Grading value) {
        return new PolicyContent(value, routing, reviewWindows, callTestThresholds, templates, operations, calendar);
    }

    public PolicyContent withRouting(Routing value) {
        return new PolicyContent(grading, value, reviewWindows, callTestThresholds, templates, operations, calendar);
    }

    public PolicyContent withReviewWindows(ReviewWindows value) {
        return new PolicyContent(grading, routing, value, callTestThresholds, templates, operations, calendar);
    }

    public PolicyContent withCallTestThresholds(CallTestThresholds value) {
        return new PolicyContent(grading, routing, reviewWindows, value, templates, operations, calendar);
    }

    public PolicyContent withTemplates(MessageTemplates value) {
        return new PolicyContent(grading, routing, reviewWindows, callTestThresholds, value, operations, calendar);
    }

    public PolicyContent withOperations(OperationsTargets value) {
        return new PolicyContent(grading, routing, reviewWindows, callTestThresholds, templates, value, calendar);
    }

    public PolicyContent withCalendar(WorkingCalendar value) {
        return new PolicyContent(grading, routing, reviewWindows, callTestThresholds, templates, operations, value);
    }

    public PolicyContent validate() {
        grading.validate();
        routing.validate();
        reviewWindows.validate();
        callTestThresholds.validate();
        templates.validate();
        operations.validate();
        calendar.validate();
        return this;
    }
}
