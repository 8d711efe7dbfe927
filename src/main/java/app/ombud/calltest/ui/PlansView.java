package app.ombud.calltest.ui;

import app.ombud.calltest.CallTestPlan;
import app.ombud.calltest.PlanStatus;
import app.ombud.calltest.Plans;
import app.ombud.calltest.Scenarios;
import app.ombud.directory.DirectoryService;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.OmbudException;
import app.ombud.platform.ui.GridPaging;
import app.ombud.platform.ui.PeriodLabels;
import app.ombud.platform.ui.StepDialogs;
import app.ombud.platform.ui.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.stream.Stream;

/** The quarterly test-call plans (拨测 › 计划), newest quarter first, and drafting a new one. */
@Route("calltest/plans")
@Menu(title = "nav.calltest.plans", order = 41, icon = "vaadin:calendar-clock")
@RolesAllowed({"CALLTEST_STAFF", "ADMIN"})
public class PlansView extends VerticalLayout implements HasDynamicTitle {

    final Select<PlanStatus> status = new Select<>();
    final Grid<CallTestPlan> grid = new Grid<>();
    private final Plans plans;
    private final DirectoryService directory;
    private final Scenarios scenarios;
    private final Clock clock;

    public PlansView(Plans plans, DirectoryService directory, Scenarios scenarios, Clock clock) {
        this.plans = plans;
        this.directory = directory;
        this.scenarios = scenarios;
        this.clock = clock;
        addClassName("ombud-view");
        setSizeFull();
        status.setLabel(t("calltest.plan.status"));
        status.setItems(PlanStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(t("common.all"));
        status.setItemLabelGenerator(s -> s == null ? t("common.all") : t("calltest.plan.status." + s));
        status.setId("filter-status");
        status.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        var create = new Button(t("calltest.plan.new"), click -> openCreate());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("plan-new");

        grid.setId("plans");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(CallTestPlan::number).setHeader(t("calltest.plan.number")).setKey("number").setAutoWidth(true);
        grid.addColumn(p -> PeriodLabels.of(p.quarter())).setHeader(t("calltest.plan.quarter")).setKey("quarter")
                .setAutoWidth(true);
        grid.addColumn(p -> t("calltest.plan.status." + p.status())).setHeader(t("calltest.plan.status"))
                .setKey("status").setAutoWidth(true);
        grid.addColumn(CallTestPlan::purpose).setHeader(t("calltest.plan.purpose")).setKey("purpose")
                .setFlexGrow(2);
        grid.addColumn(p -> PlanView.totals(p)).setHeader(t("calltest.progress.doneDrawnDue")).setKey("progress")
                .setAutoWidth(true);
        grid.setItems(query -> {
            try {
                return plans.search(status.getValue(), null, GridPaging.startingAt(query.getOffset()),
                        query.getLimit()).stream();
            } catch (OmbudException e) {
                Toasts.error(e);
                return Stream.empty();
            }
        });
        grid.addItemClickListener(click -> open(click.getItem()));
        grid.setSizeFull();
        var toolbar = new HorizontalLayout(status, create);
        toolbar.setAlignItems(Alignment.BASELINE);
        toolbar.addClassName("ombud-toolbar");
        add(toolbar, grid);
        setFlexGrow(1, grid);
    }

    private void open(CallTestPlan plan) {
        getUI().ifPresent(ui -> ui.navigate("calltest/plans/" + plan.id()));
    }

    private void openCreate() {
        var form = new PlanForm(this, directory, scenarios, clock);
        var key = IdempotencyKey.random();
        var dialog = StepDialogs.form(this, t("calltest.plan.new"), form.fields());
        StepDialogs.footer(dialog, "plan-save", () -> StepDialogs.run(() -> {
            var plan = plans.create(form.input(), key);
            open(plan);
            return plan;
        }, dialog, () -> grid.getDataProvider().refreshAll(), form.byName()));
    }

    private String t(String key, Object... args) {
        return getTranslation(key, args);
    }

    @Override
    public String getPageTitle() {
        return t("nav.calltest.plans");
    }
}
