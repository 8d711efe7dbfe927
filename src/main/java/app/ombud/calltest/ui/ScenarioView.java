package app.ombud.calltest.ui;

import static app.ombud.platform.ui.Texts.entry;

import app.ombud.calltest.Scenario;
import app.ombud.calltest.ScenarioRevision;
import app.ombud.calltest.Scenarios;
import app.ombud.platform.ui.CompanyTime;
import app.ombud.platform.ui.RouteIds;
import app.ombud.platform.ui.StepDialogs;
import app.ombud.platform.ui.Texts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.UUID;

/**
 * One scenario: the revision shown (the current one, or one picked from the list of revisions),
 * editing (which makes the next revision), retiring and reinstating.
 */
@Route("calltest/scenarios/:id")
@RolesAllowed({"CALLTEST_STAFF", "ADMIN"})
public class ScenarioView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final Scenarios scenarios;
    private Scenario current;

    public ScenarioView(Scenarios scenarios) {
        this.scenarios = scenarios;
        addClassName("ombud-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        RouteIds.show(event, this, "scenario-refused", id -> show(scenarios.get(id), null));
    }

    Scenario current() {
        return current;
    }

    private void show(Scenario scenario, ScenarioRevision shown) {
        current = scenario;
        removeAll();
        var revision = shown == null ? scenario.current() : shown;
        add(Texts.headline("scenario", scenario.number() + " · " + scenario.current().title(),
                scenario.retired() ? t("calltest.scenario.retired") : t("calltest.scenario.inUse")));
        var bar = new HorizontalLayout();
        bar.addClassName("ombud-toolbar");
        bar.setId("scenario-actions");
        if (!scenario.retired()) {
            bar.add(StepDialogs.button("action-revise", t("calltest.scenario.edit"), () -> openRevise(scenario)));
            bar.add(StepDialogs.button("action-retire", t("calltest.scenario.retire"),
                    () -> run(() -> scenarios.retire(scenario.id(), scenario.version()))));
        } else {
            bar.add(StepDialogs.button("action-reinstate", t("calltest.scenario.reinstate"),
                    () -> run(() -> scenarios.reinstate(scenario.id(), scenario.version()))));
        }
        add(bar);
        var label = new Span(t("calltest.scenario.showing", revision.revision(), revision.author(),
                CompanyTime.time(revision.createdAt())));
        label.setId("scenario-revision");
        add(label);
        add(entry(t("calltest.scenario.type"), t("calltest.scenario.type." + revision.type())
                + (revision.special() == null ? "" : " · " + t("calltest.scenario.special." + revision.special()))
                + " · " + t("calltest.channel." + revision.channel())));
        add(entry(t("calltest.scenario.script"), revision.script()),
                entry(t("calltest.scenario.expectedAnswer"), revision.expectedAnswer()),
                entry(t("calltest.scenario.knowledgePoints"), String.join("\n", revision.knowledgePoints().stream()
                        .map(p -> p.code() + ": " + p.text()).toList())),
                entry(t("calltest.scenario.tags"), String.join("、", revision.tags())));
        add(new H3(t("calltest.scenario.revisions")));
        var grid = new Grid<ScenarioRevision>();
        grid.setId("scenario-revisions");
        grid.addColumn(r -> "v" + r.revision()).setHeader(t("calltest.scenario.revision")).setKey("revision")
                .setAutoWidth(true);
        grid.addColumn(ScenarioRevision::title).setHeader(t("calltest.scenario.title")).setFlexGrow(2);
        grid.addColumn(ScenarioRevision::author).setHeader(t("case.timeline.who")).setAutoWidth(true);
        grid.addColumn(r -> CompanyTime.time(r.createdAt())).setHeader(t("case.timeline.when")).setAutoWidth(true);
        grid.setItems(scenario.revisions().reversed());
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(click -> show(scenario, click.getItem()));
        add(grid);
    }

    private void openRevise(Scenario scenario) {
        var form = new ScenarioForm(this);
        form.fill(scenario.current());
        var dialog = StepDialogs.form(this, t("calltest.scenario.edit"), form.fields());
        StepDialogs.footer(dialog, "scenario-save", () -> StepDialogs.run(() -> scenarios.revise(scenario.id(),
                form.input(), scenario.version()), dialog, this::reload, form.byName()));
    }

    private void run(java.util.function.Supplier<?> step) {
        StepDialogs.run(step, null, this::reload);
    }

    private void reload() {
        UUID id = current.id();
        RouteIds.showOrRefuse(this, "scenario-refused", () -> show(scenarios.get(id), null));
    }

    private String t(String key, Object... args) {
        return getTranslation(key, args);
    }

    @Override
    public String getPageTitle() {
        return current == null ? t("nav.calltest.scenarios") : current.number();
    }
}
