package app.ombud.policy;

/** Everything a policy version holds; each section validates itself. */
public record PolicyContent(Grading grading, Routing routing, ReviewWindows reviewWindows,
        CallTestThresholds callTestThresholds, MessageTemplates templates, OperationsTargets operations,
        WorkingCalendar calendar) {

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
