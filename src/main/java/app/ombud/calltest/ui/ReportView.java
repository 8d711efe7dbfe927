package app.ombud.calltest.ui;

import static app.ombud.platform.ui.Texts.entry;

import app.ombud.calltest.CallTestReport;
import app.ombud.calltest.CallTestReports;
import app.ombud.calltest.MeasureRow;
import app.ombud.calltest.ReportStep;
import app.ombud.calltest.WeakSpots;
import app.ombud.platform.ui.CompanyTime;
import app.ombud.platform.ui.PeriodLabels;
import app.ombud.platform.ui.RecordPage;
import app.ombud.platform.ui.StepDialogs;
import app.ombud.platform.ui.Texts;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One test-call report: the measures by team per month, the company's, the weak spots, the common
 * problems, the correlations and trends — live while a draft, frozen once published — and the
 * group's conclusions and suggestions.
 */
@Route("calltest/reports/:id")
@RolesAllowed({"CALLTEST_STAFF", "ADMIN", "LEADERSHIP"})
public class ReportView extends RecordPage<CallTestReport, ReportStep> {

    private final CallTestReports reports;

    public ReportView(CallTestReports reports) {
        super("report", ReportStep.class, "nav.calltest.reports");
        this.reports = reports;
    }

    @Override
    protected CallTestReport load(UUID id) {
        return reports.get(id);
    }

    @Override
    protected UUID idOf(CallTestReport r) {
        return r.id();
    }

    @Override
    protected String numberOf(CallTestReport r) {
        return r.number();
    }

    @Override
    protected Set<ReportStep> allowedSteps(CallTestReport r) {
        return r.allowedSteps();
    }

    @Override
    protected Component headline(CallTestReport r) {
        return Texts.headline("report", t("calltest.report.title", PeriodLabels.of(r.period().label())),
                t("calltest.report.status." + r.status()));
    }

    @Override
    protected StepButton button(ReportStep step, CallTestReport r) {
        return switch (step) {
            case EDIT -> new StepButton("action-edit", "calltest.report.step.EDIT", this::openEdit);
            case PUBLISH -> new StepButton("action-publish", "calltest.report.step.PUBLISH",
                    () -> act(() -> reports.publish(r.id(), r.version())));
        };
    }

    @Override
    protected void content(CallTestReport r, Set<ReportStep> allowed) {
        var f = reports.figures(r);
        var summary = new Paragraph(r.publishedAt() == null ? t("calltest.report.live", f.calls())
                : t("calltest.report.frozen", f.calls(), CompanyTime.minute(r.publishedAt())));
        summary.setId("report-summary");
        add(summary, entry(t("calltest.report.conclusions"), r.conclusions()),
                entry(t("calltest.report.suggestions"), r.suggestions()),
                new H3(t("calltest.report.company")), rows(f.company(), "report-company"),
                new H3(t("calltest.report.byTeam")), rows(f.byTeam(), "report-by-team"),
                new H3(t("calltest.report.weakSpots")), rows(f.weakSpots(), "report-weak-spots"),
                new H3(t("calltest.report.problems")), problems(f.problems()));
    }

    private Grid<MeasureRow> rows(List<MeasureRow> rows, String id) {
        var grid = new Grid<MeasureRow>();
        grid.setId(id);
        grid.addColumn(row -> PeriodLabels.of(row.period())).setHeader(t("calltest.stats.period"))
                .setAutoWidth(true);
        grid.addColumn(row -> "company".equals(row.groupId()) ? t("calltest.stats.company") : row.groupName())
                .setHeader(t("calltest.stats.groupColumn")).setAutoWidth(true);
        grid.addColumn(row -> t("calltest.measure." + row.measure())).setHeader(t("calltest.stats.measure"))
                .setAutoWidth(true);
        grid.addColumn(MeasureRow::n).setHeader("n").setAutoWidth(true);
        grid.addColumn(row -> row.mean() == null ? "" : String.format(Locale.ROOT, "%.1f", row.mean()))
                .setHeader(t("calltest.stats.mean")).setAutoWidth(true);
        grid.addColumn(row -> row.stdDev() == null ? "" : String.format(Locale.ROOT, "%.1f", row.stdDev()))
                .setHeader(t("calltest.stats.stdDev")).setAutoWidth(true);
        grid.addColumn(row -> row.meetsThreshold() == null ? "" : t(row.meetsThreshold() ? "calltest.stats.meets"
                : "calltest.stats.misses")).setHeader(t("calltest.stats.verdict")).setAutoWidth(true);
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private Grid<WeakSpots.Problem> problems(List<WeakSpots.Problem> problems) {
        var grid = new Grid<WeakSpots.Problem>();
        grid.setId("report-problems");
        grid.addColumn(WeakSpots.Problem::tag).setHeader(t("calltest.call.problems")).setFlexGrow(1);
        grid.addColumn(WeakSpots.Problem::calls).setHeader(t("calltest.report.calls")).setAutoWidth(true);
        grid.setItems(problems);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private void openEdit() {
        var r = current();
        var conclusions = new TextArea(t("calltest.report.conclusions"));
        conclusions.setValue(r.conclusions() == null ? "" : r.conclusions());
        conclusions.setWidthFull();
        conclusions.setId("report-conclusions");
        var suggestions = new TextArea(t("calltest.report.suggestions"));
        suggestions.setValue(r.suggestions() == null ? "" : r.suggestions());
        suggestions.setWidthFull();
        suggestions.setId("report-suggestions");
        var dialog = StepDialogs.form(this, t("calltest.report.step.EDIT"), conclusions, suggestions);
        StepDialogs.footer(dialog, "report-save", () -> act(() -> reports.edit(r.id(), conclusions.getValue(),
                suggestions.getValue(), r.version()), dialog, Map.of("conclusions", conclusions, "suggestions",
                suggestions)));
    }

    private String t(String key, Object... args) {
        return getTranslation(key, args);
    }
}
