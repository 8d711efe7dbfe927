package app.ombud.calltest.ui;

import app.ombud.calltest.Appraisals;
import app.ombud.calltest.MeasureSummary;
import app.ombud.calltest.MyTestCallResult;
import app.ombud.calltest.TestCallAppraisal;
import app.ombud.improvement.TrainingNeed;
import app.ombud.platform.OmbudException;
import app.ombud.platform.ui.CompanyTime;
import app.ombud.platform.ui.PeriodLabels;
import app.ombud.platform.ui.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A person's test-call appraisal of a period (拨测考核): a person (fixed for one's own, else an
 * employee ID), a month or quarter of the last year in words, and the measure summary, the calls
 * and the training needs of {@link Appraisals}; a refusal shows its reason.
 */
class AppraisalPanel extends VerticalLayout {

    /** The months and quarters offered, back from the current one. */

    final TextField employee = new TextField();
    final Select<String> period = new Select<>();
    final Button show = new Button();
    final Paragraph heading = new Paragraph();
    final Grid<MeasureSummary> measures = new Grid<>();
    final Grid<MyTestCallResult> results = new Grid<>();
    final Grid<TrainingNeed> needs = new Grid<>();
    private final Appraisals appraisals;

    AppraisalPanel(Appraisals appraisals, String fixedEmployeeId) {
        this.appraisals = appraisals;
        setPadding(false);
        setSizeFull();
        employee.setId("appraisal-employee");
        employee.setLabel(t("calltest.appraisal.employee"));
        employee.setMaxLength(32);
        if (fixedEmployeeId != null) {
            employee.setValue(fixedEmployeeId);
            employee.setReadOnly(true);
        }
        period.setId("appraisal-period");
        period.setLabel(t("calltest.appraisal.period"));
        period.setItems(ReportsView.periods(LocalDate.now(CompanyTime.zone())));
        period.setItemLabelGenerator(PeriodLabels::of);
        period.setValue(YearMonth.now(CompanyTime.zone()).minusMonths(1).toString());
        show.setId("appraisal-show");
        show.setText(t("calltest.appraisal.show"));
        show.addClickListener(e -> show());
        var bar = new HorizontalLayout(employee, period, show);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        heading.setId("appraisal-heading");

        measures.setId("appraisal-measures");
        measures.addColumn(m -> t("calltest.measure." + m.measure())).setHeader(t("calltest.stats.measure"))
                .setKey("measure").setAutoWidth(true);
        measures.addColumn(MeasureSummary::n).setHeader("n").setKey("n").setAutoWidth(true);
        measures.addColumn(m -> number(m.mean())).setHeader(t("calltest.stats.mean")).setKey("mean")
                .setAutoWidth(true);
        measures.addColumn(m -> m.threshold() == null ? "" : m.threshold().stripTrailingZeros().toPlainString())
                .setHeader(t("calltest.stats.threshold")).setAutoWidth(true);
        measures.addColumn(m -> m.meetsThreshold() == null ? "" : t(m.meetsThreshold() ? "calltest.stats.meets"
                : "calltest.stats.misses")).setHeader(t("calltest.stats.verdict")).setKey("meets").setAutoWidth(true);
        measures.setAllRowsVisible(true);

        results.setId("appraisal-results");
        results.addColumn(r -> CompanyTime.minute(r.calledAt())).setHeader(t("calltest.call.calledAt"))
                .setAutoWidth(true);
        results.addColumn(r -> t("calltest.channel." + r.channel())).setHeader(t("calltest.call.channel"))
                .setAutoWidth(true);
        results.addColumn(r -> r.score() == null ? "" : r.score().toPlainString())
                .setHeader(t("calltest.call.scoreColumn")).setKey("score").setAutoWidth(true);
        results.addColumn(r -> r.measures().entrySet().stream().map(e -> t("calltest.measure." + e.getKey()) + " "
                + number(e.getValue())).collect(Collectors.joining("；"))).setHeader(t("calltest.stats.measure"))
                .setFlexGrow(2);
        results.addColumn(r -> String.join("、", r.problems())).setHeader(t("calltest.call.problems")).setFlexGrow(1);
        results.addColumn(r -> r.suggestions() == null ? "" : r.suggestions())
                .setHeader(t("calltest.call.suggestions")).setFlexGrow(1);
        results.setAllRowsVisible(true);

        needs.setId("appraisal-needs");
        needs.addColumn(TrainingNeed::number).setHeader(t("training.number")).setAutoWidth(true);
        needs.addColumn(TrainingNeed::topic).setHeader(t("training.topic")).setKey("topic").setFlexGrow(2);
        needs.addColumn(n -> t("training.status." + n.status())).setHeader(t("training.status")).setAutoWidth(true);
        needs.addColumn(n -> n.plannedFor() == null ? "" : n.plannedFor().toString())
                .setHeader(t("training.plannedFor")).setAutoWidth(true);
        needs.addColumn(n -> n.doneOn() == null ? "" : n.doneOn().toString()).setHeader(t("training.doneOn"))
                .setAutoWidth(true);
        needs.setAllRowsVisible(true);

        add(bar, heading, new H3(t("calltest.appraisal.measures")), measures, new H3(t("calltest.appraisal.results")),
                results, new H3(t("calltest.appraisal.needs")), needs);
        clear();
    }

    void show() {
        try {
            TestCallAppraisal appraisal = appraisals.of(employee.getValue(), period.getValue());
            heading.setText(t(appraisal.published() ? "calltest.appraisal.heading" : "calltest.appraisal.unpublished",
                    appraisal.name(), appraisal.employeeId(), PeriodLabels.of(appraisal.period().label()), appraisal.results().size())
                    + (appraisal.moreCalls() ? " " + t("calltest.appraisal.more", Appraisals.MAX_CALLS) : ""));
            measures.setItems(appraisal.measures());
            results.setItems(appraisal.results());
            needs.setItems(appraisal.trainingNeeds());
        } catch (OmbudException e) {
            clear();
            Toasts.error(e);
        }
    }

    private void clear() {
        heading.setText(t("calltest.appraisal.hint"));
        measures.setItems(List.of());
        results.setItems(List.of());
        needs.setItems(List.of());
    }

    private static String number(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.1f", value);
    }

    private String t(String key, Object... args) {
        return getTranslation(key, args);
    }
}
