package app.ombud.calltest.ui;

import static app.ombud.platform.ui.Texts.entry;

import app.ombud.calltest.CallTestReport;
import app.ombud.calltest.CallTestReports;
import app.ombud.calltest.FigureWords;
import app.ombud.calltest.Measure;
import app.ombud.calltest.MeasureCorrelation;
import app.ombud.calltest.MeasureRow;
import app.ombud.calltest.MeasureTrend;
import app.ombud.calltest.ReportExports;
import app.ombud.calltest.ReportStatus;
import app.ombud.calltest.ReportStep;
import app.ombud.calltest.TrainingNeedsFromResults;
import app.ombud.calltest.WeakSpots;
import app.ombud.improvement.TrainingNeed;
import app.ombud.improvement.ui.TrainingNeedsView;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.Role;
import app.ombud.platform.export.ExportFile;
import app.ombud.platform.export.ExportFont;
import app.ombud.platform.ui.CompanyTime;
import app.ombud.platform.ui.PeriodLabels;
import app.ombud.platform.ui.RecordPage;
import app.ombud.platform.ui.StepDialogs;
import app.ombud.platform.ui.Texts;
import app.ombud.platform.ui.Toasts;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One test-call report: the measures by team per month, the company's, the weak spots, the common
 * problems, the correlations and trends — live while a draft, frozen once published — and the
 * group's conclusions and suggestions; once published, the training needs derived from the
 * period's results (the staff derive them again here).
 */
@Route("calltest/reports/:id")
@RolesAllowed({"CALLTEST_STAFF", "ADMIN", "LEADERSHIP"})
public class ReportView extends RecordPage<CallTestReport, ReportStep> {

    private final CallTestReports reports;
    private final ReportExports exports;
    private final ExportFont font;
    private final TrainingNeedsFromResults training;

    public ReportView(CallTestReports reports, ReportExports exports, ExportFont font,
            TrainingNeedsFromResults training) {
        super("report", ReportStep.class, "nav.calltest.reports");
        this.reports = reports;
        this.exports = exports;
        this.font = font;
        this.training = training;
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
        add(summary, downloads(r), entry(t("calltest.report.conclusions"), r.conclusions()),
                entry(t("calltest.report.suggestions"), r.suggestions()),
                new H3(t("calltest.report.company")), rows(f.company(), "report-company"),
                new H3(t("calltest.report.chart")), chart(f.byTeam()),
                new H3(t("calltest.report.byTeam")), rows(f.byTeam(), "report-by-team"),
                new H3(t("calltest.report.weakSpots")), rows(f.weakSpots(), "report-weak-spots"),
                new H3(t("calltest.report.trends")), trends(f.trends()),
                new H3(t("calltest.report.correlations")), correlations(f.correlations()),
                new H3(t("calltest.report.problems")), problems(f.problems()));
        if (r.status() == ReportStatus.PUBLISHED) {
            trainingNeeds(r);
        }
    }

    /** The training needs derived from the period's results, a link to their page, and deriving them again. */
    private void trainingNeeds(CallTestReport r) {
        var needs = training.of(r.period());
        var grid = new Grid<TrainingNeed>();
        grid.setId("report-training-needs");
        grid.addColumn(TrainingNeed::number).setHeader(t("training.number")).setKey("number").setAutoWidth(true);
        grid.addColumn(TrainingNeed::topic).setHeader(t("training.topic")).setKey("topic").setFlexGrow(2);
        grid.addColumn(n -> String.join("、", n.employeeIds())).setHeader(t("training.people")).setKey("people")
                .setFlexGrow(1);
        grid.addColumn(n -> t("training.status." + n.status())).setHeader(t("training.status")).setKey("status")
                .setAutoWidth(true);
        grid.setItems(needs);
        grid.setAllRowsVisible(true);
        var open = new RouterLink(t("calltest.report.training.open"), TrainingNeedsView.class);
        open.setId("report-training-open");
        var bar = new HorizontalLayout(open);
        bar.addClassName("ombud-toolbar");
        boolean staff = CurrentActor.find().map(a -> a.namesPerson() && a.hasAny(Role.CALLTEST_STAFF, Role.ADMIN))
                .orElse(false);
        if (staff) {
            bar.add(StepDialogs.button("report-derive-training", t("calltest.report.training.derive"), () -> act(
                    () -> {
                        var derived = training.derive(r.period().label());
                        Toasts.success(t("calltest.report.training.derived", derived.size()));
                        return derived;
                    })));
        }
        add(new H3(t("calltest.report.training")), bar, needs.isEmpty()
                ? paragraph("report-training-none", t("calltest.report.training.none")) : grid);
    }

    private static Paragraph paragraph(String id, String text) {
        var p = new Paragraph(text);
        p.setId(id);
        return p;
    }

    /** The report as a PDF (with its charts) and its tables as Excel, made when clicked, in the page's language. */
    private Component downloads(CallTestReport r) {
        Locale locale = getLocale();
        var pdf = new Anchor(DownloadHandler.fromInputStream(event -> response(exports.pdf(r.id(), locale))),
                t("calltest.report.downloadPdf"));
        pdf.setId("report-download-pdf");
        pdf.setDownload(true);
        if (!font.available()) {
            pdf.setEnabled(false);
            pdf.setTitle(getTranslation("error.EXPORT_FONT_MISSING"));
        }
        var excel = new Anchor(DownloadHandler.fromInputStream(event -> response(exports.excel(r.id(), locale))),
                t("calltest.report.downloadExcel"));
        excel.setId("report-download-excel");
        excel.setDownload(true);
        var bar = new HorizontalLayout(pdf, excel);
        bar.setId("report-downloads");
        return bar;
    }

    static DownloadResponse response(ExportFile file) {
        return new DownloadResponse(new ByteArrayInputStream(file.content()), file.filename(), file.contentType(),
                file.content().length);
    }

    /** A measure's team means against its threshold, the measure chosen above the chart. */
    private Component chart(List<MeasureRow> rows) {
        var chart = new MeasureChart(this::t);
        chart.setId("report-chart");
        var measure = new Select<Measure>();
        measure.setLabel(t("calltest.stats.chart.measure"));
        measure.setItems(Measure.values());
        measure.setItemLabelGenerator(m -> t("calltest.measure." + m));
        measure.setId("report-chart-measure");
        measure.addValueChangeListener(change -> chart.show(change.getValue(), rows, this::groupName));
        measure.setValue(rows.stream().map(MeasureRow::measure).findFirst().orElse(Measure.ON_SPOT_RESOLUTION));
        var box = new VerticalLayout(measure, chart);
        box.setPadding(false);
        return box;
    }

    private String groupName(MeasureRow row) {
        return "company".equals(row.groupId()) ? t("calltest.stats.company") : row.groupName();
    }

    private Grid<MeasureTrend> trends(List<MeasureTrend> trends) {
        var grid = new Grid<MeasureTrend>();
        grid.setId("report-trends");
        grid.addColumn(tr -> t("calltest.measure." + tr.measure())).setHeader(t("calltest.stats.measure"))
                .setFlexGrow(2);
        grid.addColumn(MeasureTrend::months).setHeader(t("calltest.stats.months")).setAutoWidth(true);
        grid.addColumn(tr -> change(tr.slopePerMonth())).setHeader(t("calltest.stats.slope")).setAutoWidth(true);
        grid.setItems(trends);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(t("calltest.report.emptyRows"));
        return grid;
    }

    private Grid<MeasureCorrelation> correlations(List<MeasureCorrelation> correlations) {
        var grid = new Grid<MeasureCorrelation>();
        grid.setId("report-correlations");
        grid.addColumn(c -> t("calltest.measure." + c.a()) + " × " + t("calltest.measure." + c.b()))
                .setHeader(t("calltest.stats.pair")).setFlexGrow(2);
        grid.addColumn(MeasureCorrelation::n).setHeader("n").setAutoWidth(true);
        grid.addColumn(c -> c.r() == null ? t("calltest.stats.tooFew") : String.format(Locale.ROOT, "%.3f", c.r()))
                .setHeader("r").setAutoWidth(true);
        grid.addColumn(c -> c.pValue() == null ? "" : String.format(Locale.ROOT, "%.4f", c.pValue()))
                .setHeader("p").setAutoWidth(true);
        grid.setItems(correlations);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(t("calltest.report.emptyRows"));
        return grid;
    }

    /** A change in words (上升 / 下降), never a colour by direction. */
    private String change(Double value) {
        return FigureWords.change(value, (key, args) -> getTranslation(key, args));
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
        grid.setEmptyStateText(t("calltest.report.emptyRows"));
        return grid;
    }

    private Grid<WeakSpots.Problem> problems(List<WeakSpots.Problem> problems) {
        var grid = new Grid<WeakSpots.Problem>();
        grid.setId("report-problems");
        grid.addColumn(WeakSpots.Problem::tag).setHeader(t("calltest.call.problems")).setFlexGrow(1);
        grid.addColumn(WeakSpots.Problem::calls).setHeader(t("calltest.report.calls")).setAutoWidth(true);
        grid.setItems(problems);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(t("calltest.report.emptyRows"));
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
