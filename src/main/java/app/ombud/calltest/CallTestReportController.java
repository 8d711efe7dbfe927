package app.ombud.calltest;

import app.ombud.improvement.TrainingNeed;
import app.ombud.platform.Paging;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

/**
 * The GraphQL mapping of test-call reports, an agent's own results and a person's appraisal
 * ({@code calltest-reports.graphqls}).
 */
@Controller
class CallTestReportController {

    private final CallTestReports reports;
    private final TestCalls calls;
    private final Paging paging;
    private final TrainingNeedsFromResults training;
    private final Appraisals appraisals;

    CallTestReportController(CallTestReports reports, TestCalls calls, Paging paging,
            TrainingNeedsFromResults training, Appraisals appraisals) {
        this.appraisals = appraisals;
        this.reports = reports;
        this.calls = calls;
        this.paging = paging;
        this.training = training;
    }

    record CreateInput(String period) {
    }

    record EditInput(UUID id, String conclusions, String suggestions, Long expectedVersion) {
    }

    record PublishInput(UUID id, Long expectedVersion) {
    }

    record ReportPayload(CallTestReport report) {
    }

    record MeasureValue(Measure measure, double value) {
    }

    @QueryMapping
    CallTestReport callTestReport(@Argument UUID id) {
        return reports.get(id);
    }

    @QueryMapping
    Window<CallTestReport> callTestReports(ScrollSubrange subrange) {
        return reports.search(paging.position(subrange), paging.size(subrange));
    }

    @QueryMapping
    Window<MyTestCallResult> myTestCallResults(ScrollSubrange subrange) {
        return calls.myResults(paging.position(subrange), paging.size(subrange));
    }

    @QueryMapping
    TestCallAppraisal testCallAppraisal(@Argument String employeeId, @Argument String period) {
        return appraisals.of(employeeId, period);
    }

    @SchemaMapping(typeName = "TestCallAppraisal", field = "period")
    String appraisalPeriod(TestCallAppraisal appraisal) {
        return appraisal.period().label();
    }

    @SchemaMapping(typeName = "TestCallAppraisal", field = "moreResults")
    boolean moreResults(TestCallAppraisal appraisal) {
        return appraisal.moreCalls();
    }

    @MutationMapping
    ReportPayload createCallTestReport(@Argument CreateInput input) {
        return new ReportPayload(reports.create(input.period()));
    }

    @MutationMapping
    ReportPayload editCallTestReport(@Argument EditInput input) {
        return new ReportPayload(reports.edit(input.id(), input.conclusions(), input.suggestions(),
                input.expectedVersion()));
    }

    @MutationMapping
    ReportPayload publishCallTestReport(@Argument PublishInput input) {
        return new ReportPayload(reports.publish(input.id(), input.expectedVersion()));
    }

    @MutationMapping
    List<TrainingNeed> deriveTrainingNeeds(@Argument String period) {
        return training.derive(period);
    }

    @SchemaMapping(typeName = "CallTestReport", field = "trainingNeeds")
    List<TrainingNeed> trainingNeeds(CallTestReport report) {
        return training.of(report.period());
    }

    @SchemaMapping(typeName = "CallTestReport", field = "figures")
    ReportFigures figures(CallTestReport report) {
        return reports.figures(report);
    }

    @SchemaMapping(typeName = "CallTestReport", field = "period")
    String period(CallTestReport report) {
        return report.period().label();
    }

    @SchemaMapping(typeName = "MyTestCallResult", field = "measures")
    List<MeasureValue> measures(MyTestCallResult result) {
        return result.measures().entrySet().stream().map(e -> new MeasureValue(e.getKey(), e.getValue())).toList();
    }
}
