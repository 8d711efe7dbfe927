package app.ombud.calltest.ui;

import app.ombud.calltest.CallTestReport;
import app.ombud.calltest.CallTestReports;
import app.ombud.calltest.Quarter;
import app.ombud.platform.OmbudException;
import app.ombud.platform.ui.CompanyTime;
import app.ombud.platform.ui.GridPaging;
import app.ombud.platform.ui.PeriodLabels;
import app.ombud.platform.ui.StepDialogs;
import app.ombud.platform.ui.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The monthly and quarterly test-call reports (拨测 › 拨测报告), the latest period first, and drafting one. */
@Route("calltest/reports")
@Menu(title = "nav.calltest.reports", order = 45, icon = "vaadin:file-text-o")
@RolesAllowed({"CALLTEST_STAFF", "ADMIN", "LEADERSHIP"})
public class ReportsView extends VerticalLayout implements HasDynamicTitle {

    final Grid<CallTestReport> grid = new Grid<>();
    private final CallTestReports reports;
    private final Clock clock;

    public ReportsView(CallTestReports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
        addClassName("ombud-view");
        setSizeFull();
        var create = new Button(t("calltest.report.new"), click -> openCreate());
        create.setId("report-new");
        grid.setId("reports");
        grid.addColumn(CallTestReport::number).setHeader(t("calltest.report.number")).setAutoWidth(true);
        grid.addColumn(r -> PeriodLabels.of(r.period().label())).setHeader(t("calltest.report.period"))
                .setKey("period").setAutoWidth(true);
        grid.addColumn(r -> t("calltest.report.status." + r.status())).setHeader(t("calltest.report.statusLabel"))
                .setKey("status").setAutoWidth(true);
        // a draft's figures are live: counted on its page, not for every row of the list
        grid.addColumn(r -> r.figures() == null ? "" : String.valueOf(r.figures().calls()))
                .setHeader(t("calltest.report.calls")).setAutoWidth(true);
        grid.addColumn(r -> r.publishedAt() == null ? "" : CompanyTime.minute(r.publishedAt()))
                .setHeader(t("calltest.report.publishedAt")).setAutoWidth(true);
        grid.setItems(query -> {
            try {
                return reports.search(GridPaging.startingAt(query.getOffset()), query.getLimit()).stream();
            } catch (OmbudException e) {
                Toasts.error(e);
                return Stream.empty();
            }
        });
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate("calltest/reports/"
                + click.getItem().id())));
        grid.setSizeFull();
        add(create, grid);
    }

    /** The periods a report can be drafted for: this month and the twelve before, this quarter and the four before. */
    static List<String> periods(LocalDate today) {
        List<String> periods = new ArrayList<>();
        YearMonth month = YearMonth.from(today);
        for (int i = 0; i <= 12; i++) {
            periods.add(month.minusMonths(i).toString());
        }
        Quarter quarter = Quarter.of(today);
        for (int i = 0; i <= 4; i++) {
            periods.add(Quarter.of(quarter.firstMonth().minusMonths(3L * i).atDay(1)).toString());
        }
        return periods;
    }

    private void openCreate() {
        var period = new Select<String>();
        period.setLabel(t("calltest.report.period"));
        var choices = periods(LocalDate.ofInstant(clock.instant(), CompanyTime.zone()));
        period.setItems(choices);
        period.setItemLabelGenerator(PeriodLabels::of);
        period.setValue(choices.get(1));
        period.setId("report-period");
        var dialog = StepDialogs.form(this, t("calltest.report.new"), period);
        StepDialogs.footer(dialog, "report-create", () -> StepDialogs.run(() -> {
            var created = reports.create(period.getValue());
            getUI().ifPresent(ui -> ui.navigate("calltest/reports/" + created.id()));
            return created;
        }, dialog, () -> grid.getDataProvider().refreshAll(), java.util.Map.of("period", period)));
    }

    private String t(String key, Object... args) {
        return getTranslation(key, args);
    }

    @Override
    public String getPageTitle() {
        return t("nav.calltest.reports");
    }
}
