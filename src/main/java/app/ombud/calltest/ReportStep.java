package app.ombud.calltest;

/** The steps on a test-call report. */
public enum ReportStep {
    /** Write the group's conclusions and suggestions (while a draft). */
    EDIT,
    /** Publish: the figures are frozen as they are now, and agents see their own results of the period. */
    PUBLISH
}
