package app.ombud.calltest.ui;

import app.ombud.calltest.FigureWords;
import app.ombud.calltest.Measure;
import app.ombud.calltest.MeasureCorrelation;
import app.ombud.calltest.MeasureRow;
import app.ombud.calltest.MeasureTrend;
import app.ombud.calltest.TestCallGroup;
import app.ombud.calltest.ReportExports;
import app.ombud.calltest.Scenarios;
import app.ombud.calltest.TestCallStatistics;
import app.ombud.calltest.WeakSpot;
import app.ombud.calltest.WeakSpotActions;
import app.ombud.directory.DirectoryService;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.OmbudException;
import app.ombud.platform.Role;
import app.ombud.platform.TimeBucket;
import app.ombud.platform.ui.CompanyTime;
import app.ombud.platform.ui.PeriodLabels;
import app.ombud.platform.ui.Texts;
import app.ombud.platform.ui.Toasts;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The statistics of test calls (拨测 › 统计): for a range, period and grouping, each measure's n,
 * mean, sample standard deviation, min, max against its threshold and the change against the
 * previous period; the correlations of the measures (n always shown; none under 10 calls); and
 * each measure's monthly trend. The same figures as {@code testCallMeasureRows} in the API. A
 * chart ({@link MeasureChart}) draws the chosen measure's rows of the grid by period and group
 * against the threshold; the grid stays as the accessible table. For the test-call staff a bar or
 * point of the chart, a row of the grid or its n opens the test calls behind the figure
 * ({@link TestCallsView#drillDown}): the recorded calls of the row's period (within the range) and
 * group.
 */
@Route("calltest/statistics")
@Menu(title = "nav.calltest.statistics", order = 44, icon = "vaadin:chart")
@RolesAllowed({"CALLTEST_STAFF", "ADMIN", "LEADERSHIP"})
public class TestCallStatisticsView extends VerticalLayout implements HasDynamicTitle {

    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final Select<TimeBucket> bucket = new Select<>();
    final Select<TestCallGroup> groupBy = new Select<>();
    final Select<Measure> measure = new Select<>();
    final MeasureChart chart = new MeasureChart(this::t);
    final Grid<MeasureRow> rows = new Grid<>();
    final Grid<MeasureCorrelation> correlations = new Grid<>();
    final Grid<MeasureTrend> trends = new Grid<>();
    private final TestCallStatistics statistics;
    private List<MeasureRow> shown = List.of();
    /** The range's last day, the bucket and the grouping of the rows shown (the fields may have changed since). */
    private LocalDate shownTo;
    private TimeBucket shownBucket;
    private TestCallGroup shownGroup;
    private final WeakSpotActions actions;
    private final Scenarios scenarios;
    private final DirectoryService directory;
    private final Clock clock;

    private final ReportExports exports;
    /** The range the grid shows now, for its Excel export (read by the download's request, not under the UI's lock). */
    private volatile Shown query;

    private record Shown(LocalDate from, LocalDate to, TimeBucket bucket, TestCallGroup groupBy, Locale locale) {
    }

    public TestCallStatisticsView(TestCallStatistics statistics, WeakSpotActions actions, Scenarios scenarios,
            DirectoryService directory, Clock clock, ReportExports exports) {
        this.exports = exports;
        this.statistics = statistics;
        this.actions = actions;
        this.scenarios = scenarios;
        this.directory = directory;
        this.clock = clock;
        addClassName("ombud-view");
        LocalDate today = LocalDate.ofInstant(clock.instant(), CompanyTime.zone());
        from.setLabel(t("calltest.stats.from"));
        from.setValue(today.withDayOfMonth(1).minusMonths(2));
        from.setId("stats-from");
        to.setLabel(t("calltest.stats.to"));
        to.setValue(today);
        to.setId("stats-to");
        bucket.setLabel(t("calltest.stats.bucket"));
        bucket.setItems(TimeBucket.values());
        bucket.setItemLabelGenerator(b -> t("calltest.stats.bucket." + b));
        bucket.setValue(TimeBucket.MONTH);
        bucket.setId("stats-bucket");
        groupBy.setLabel(t("calltest.stats.groupBy"));
        groupBy.setItems(TestCallGroup.values());
        groupBy.setItemLabelGenerator(g -> t("calltest.stats.group." + g));
        groupBy.setValue(TestCallGroup.TEAM);
        groupBy.setId("stats-group");
        var show = new Button(t("calltest.stats.show"), click -> refresh());
        show.setId("stats-show");
        measure.setLabel(t("calltest.stats.chart.measure"));
        measure.setItems(Measure.values());
        measure.setItemLabelGenerator(m -> t("calltest.measure." + m));
        measure.setValue(Measure.ON_SPOT_RESOLUTION);
        measure.setId("stats-measure");
        measure.addValueChangeListener(change -> drawChart());
        var excel = new Anchor(DownloadHandler.fromInputStream(event -> {
            Shown q = query;
            return ReportView.response(exports.measureRows(q.from(), q.to(), q.bucket(), q.groupBy(), q.locale()));
        }), t("calltest.stats.downloadExcel"));
        excel.setDownload(true);
        excel.setId("stats-download-excel");
        // the streaks of misses name agents' runs of calls: the test-call staff's page
        var streaks = new Anchor("calltest/streaks", t("calltest.stats.streaks"));
        streaks.setId("stats-streaks");
        streaks.setVisible(CurrentActor.find().filter(a -> a.hasAny(Role.CALLTEST_STAFF, Role.ADMIN)).isPresent());
        var filters = new HorizontalLayout(from, to, bucket, groupBy, show);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        var links = new HorizontalLayout(excel, streaks);
        links.setSpacing(true);

        rows.setId("stats-rows");
        rows.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        rows.addColumn(r -> PeriodLabels.of(r.period())).setHeader(t("calltest.stats.period")).setKey("period")
                .setAutoWidth(true);
        rows.addColumn(r -> groupName(r.groupId(), r.groupName())).setHeader(t("calltest.stats.groupColumn"))
                .setKey("group").setAutoWidth(true);
        rows.addColumn(r -> t("calltest.measure." + r.measure())).setHeader(t("calltest.stats.measure"))
                .setKey("measure").setAutoWidth(true);
        // the test calls themselves are the staff's (leadership reads the figures only)
        boolean drills = CurrentActor.find().filter(a -> a.hasAny(Role.CALLTEST_STAFF, Role.ADMIN)).isPresent();
        if (drills) {
            rows.addComponentColumn(this::callsLink).setHeader("n").setKey("n").setAutoWidth(true);
        } else {
            rows.addColumn(MeasureRow::n).setHeader("n").setKey("n").setAutoWidth(true);
        }
        rows.addColumn(r -> number(r.mean())).setHeader(t("calltest.stats.mean")).setKey("mean").setAutoWidth(true);
        rows.addColumn(r -> number(r.stdDev())).setHeader(t("calltest.stats.stdDev")).setKey("stdDev")
                .setAutoWidth(true);
        rows.addColumn(r -> number(r.min()) + " – " + number(r.max())).setHeader(t("calltest.stats.range"))
                .setAutoWidth(true);
        rows.addColumn(r -> r.threshold() == null ? "" : r.threshold().stripTrailingZeros().toPlainString())
                .setHeader(t("calltest.stats.threshold")).setAutoWidth(true);
        rows.addColumn(r -> r.meetsThreshold() == null ? "" : t(r.meetsThreshold() ? "calltest.stats.meets"
                : "calltest.stats.misses")).setHeader(t("calltest.stats.verdict")).setKey("meets").setAutoWidth(true);
        rows.addColumn(r -> change(r.changeFromPreviousPeriod())).setHeader(t("calltest.stats.change"))
                .setKey("change").setAutoWidth(true);
        if (drills) {
            rows.addComponentColumn(this::raiseButton).setKey("raise").setAutoWidth(true);
            rows.addItemClickListener(click -> {
                String key = click.getColumn() == null ? null : click.getColumn().getKey();
                if (!"raise".equals(key) && !"n".equals(key)) {
                    openCalls(click.getItem());
                }
            });
            chart.onDrill((period, groupId) -> shown.stream().filter(r -> r.period().equals(period)
                    && r.groupId().equals(groupId)).findFirst().ifPresent(this::openCalls));
        }
        rows.setAllRowsVisible(true);

        correlations.setId("stats-correlations");
        correlations.addColumn(c -> t("calltest.measure." + c.a()) + " × " + t("calltest.measure." + c.b()))
                .setHeader(t("calltest.stats.pair")).setFlexGrow(2);
        correlations.addColumn(MeasureCorrelation::n).setHeader("n").setAutoWidth(true);
        correlations.addColumn(c -> c.r() == null ? t("calltest.stats.tooFew") : number(c.r(), 3))
                .setHeader("r").setKey("r").setAutoWidth(true);
        correlations.addColumn(c -> c.pValue() == null ? "" : number(c.pValue(), 4)).setHeader("p")
                .setAutoWidth(true);
        correlations.setAllRowsVisible(true);

        trends.setId("stats-trends");
        trends.addColumn(tr -> t("calltest.measure." + tr.measure())).setHeader(t("calltest.stats.measure"))
                .setAutoWidth(true);
        trends.addColumn(MeasureTrend::months).setHeader(t("calltest.stats.months")).setAutoWidth(true);
        trends.addColumn(tr -> tr.slopePerMonth() == null ? "" : change(tr.slopePerMonth()))
                .setHeader(t("calltest.stats.slope")).setKey("slope").setAutoWidth(true);
        trends.setAllRowsVisible(true);

        add(filters, links, new H3(t("calltest.stats.chart")), measure, chart);
        if (drills) {
            add(Texts.muted(t("calltest.stats.drillHint")));
        }
        add(new H3(t("calltest.stats.rows")), rows, new H3(t("calltest.stats.correlations")),
                correlations, new H3(t("calltest.stats.trends")), trends);
        refresh();
    }

    void refresh() {
        try {
            shown = statistics.measureRows(from.getValue(), to.getValue(), bucket.getValue(), groupBy.getValue());
            query = new Shown(from.getValue(), to.getValue(), bucket.getValue(), groupBy.getValue(), getLocale());
            shownTo = to.getValue();
            shownBucket = bucket.getValue();
            shownGroup = groupBy.getValue();
            rows.setItems(shown);
            drawChart();
            correlations.setItems(statistics.correlations(from.getValue(), to.getValue()).stream()
                    .filter(c -> c.n() > 0).toList());
            trends.setItems(statistics.trends(from.getValue(), to.getValue()));
        } catch (OmbudException e) {
            Toasts.error(e);
        }
    }

    /** The chosen measure's rows of the grid, as a chart. */
    private void drawChart() {
        if (measure.getValue() != null) {
            chart.show(measure.getValue(), shown, r -> groupName(r.groupId(), r.groupName()));
        }
    }

    /** The query of the recorded calls behind a row: its period's days up to the range's end, and its group. */
    QueryParameters callsOf(MeasureRow row) {
        LocalDate last = shownBucket.next(row.periodStart()).minusDays(1);
        return TestCallsView.drillDown(row.periodStart(), last.isAfter(shownTo) ? shownTo : last, shownGroup,
                row.groupId());
    }

    private void openCalls(MeasureRow row) {
        getUI().ifPresent(ui -> ui.navigate(TestCallsView.class, callsOf(row)));
    }

    /** A row's n as the link to the calls behind it. */
    private Component callsLink(MeasureRow row) {
        var link = new RouterLink(Long.toString(row.n()), TestCallsView.class);
        link.setQueryParameters(callsOf(row));
        link.setId("stats-calls-" + row.groupId() + "-" + row.measure() + "-" + row.period());
        return link;
    }

    /** "Raise improvement action" on a team's or an agent's row that misses its threshold (a weak spot). */
    private Component raiseButton(MeasureRow row) {
        TestCallGroup group = groupBy.getValue();
        if (!Boolean.FALSE.equals(row.meetsThreshold()) || group != TestCallGroup.TEAM && group != TestCallGroup.AGENT) {
            return new Span();
        }
        var button = new Button(t("calltest.stats.raise"), click -> RaiseFromTestCalls.fromWeakSpot(this, actions,
                scenarios, directory, clock, new WeakSpot(group, row.groupId(), row.groupName(), row.measure(),
                        row.period()), department(group, row.groupId())));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.setId("stats-raise-" + row.groupId() + "-" + row.measure() + "-" + row.period());
        return button;
    }

    /** The weak spot's department to preselect: the team's or the agent's. */
    private UUID department(TestCallGroup group, String groupId) {
        try {
            return group == TestCallGroup.TEAM ? directory.team(UUID.fromString(groupId)).departmentId()
                    : directory.personByEmployeeId(groupId).map(app.ombud.directory.Person::departmentId).orElse(null);
        } catch (OmbudException | IllegalArgumentException e) {
            return null;
        }
    }

    private String groupName(String id, String name) {
        return FigureWords.group(groupBy.getValue(), id, name, (key, args) -> getTranslation(key, args));
    }

    private static String number(Double value) {
        return number(value, 1);
    }

    private static String number(Double value, int decimals) {
        return value == null ? "" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** A change in words beside the number: 上升 / 下降, never a colour by direction (ANALYTICS.md §4). */
    private String change(Double value) {
        return FigureWords.change(value, (key, args) -> getTranslation(key, args));
    }

    private String t(String key, Object... args) {
        return getTranslation(key, args);
    }

    @Override
    public String getPageTitle() {
        return t("nav.calltest.statistics");
    }
}
