package app.ombud.calltest;

import app.ombud.improvement.TrainingNeed;
import java.util.List;

/**
 * A person's test calls of one period as their appraisers read them (SPEC §4): the summary of each
 * measure over the period's calls (n, mean against the threshold), the calls themselves as the
 * person sees them ({@link MyTestCallResult}: no scenario, script or caller) — at most
 * {@link Appraisals#MAX_CALLS}, {@code moreCalls} when there are more — and the training needs
 * naming the person of the period. {@code published} whether the period's report is published.
 */
public record TestCallAppraisal(String employeeId, String name, ReportPeriod period, boolean published,
        List<MeasureSummary> measures, List<MyTestCallResult> results, boolean moreCalls,
        List<TrainingNeed> trainingNeeds) {

    public TestCallAppraisal {
        measures = List.copyOf(measures);
        results = List.copyOf(results);
        trainingNeeds = List.copyOf(trainingNeeds);
    }
}
