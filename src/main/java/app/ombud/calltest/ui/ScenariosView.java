package app.ombud.calltest.ui;

import app.ombud.calltest.CallChannel;
import app.ombud.calltest.Scenario;
import app.ombud.calltest.ScenarioFilter;
import app.ombud.calltest.ScenarioType;
import app.ombud.calltest.Scenarios;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.OmbudException;
import app.ombud.platform.TextInput.Kind;
import app.ombud.platform.ui.GridPaging;
import app.ombud.platform.ui.StepDialogs;
import app.ombud.platform.ui.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.stream.Stream;

/** The scenario library (拨测 › 场景库): filters by type, channel, tag and text, retired ones on request; a new scenario. */
@Route("calltest/scenarios")
@Menu(title = "nav.calltest.scenarios", order = 40, icon = "vaadin:book-dollar")
@RolesAllowed({"CALLTEST_STAFF", "ADMIN"})
public class ScenariosView extends VerticalLayout implements HasDynamicTitle {

    final Select<ScenarioType> type = new Select<>();
    final Select<CallChannel> channel = new Select<>();
    final TextField tag = new TextField();
    final TextField text = new TextField();
    final Checkbox includeRetired = new Checkbox();
    final Grid<Scenario> grid = new Grid<>();
    private final Scenarios scenarios;

    public ScenariosView(Scenarios scenarios) {
        this.scenarios = scenarios;
        addClassName("ombud-view");
        setSizeFull();
        type.setLabel(t("calltest.scenario.type"));
        type.setItems(ScenarioType.values());
        type.setEmptySelectionAllowed(true);
        type.setEmptySelectionCaption(t("common.all"));
        type.setItemLabelGenerator(v -> v == null ? t("common.all") : t("calltest.scenario.type." + v));
        type.setId("filter-type");
        channel.setLabel(t("calltest.plan.channel"));
        channel.setItems(CallChannel.values());
        channel.setEmptySelectionAllowed(true);
        channel.setEmptySelectionCaption(t("common.all"));
        channel.setItemLabelGenerator(v -> v == null ? t("common.all") : t("calltest.channel." + v));
        channel.setId("filter-channel");
        tag.setLabel(t("calltest.scenario.tag"));
        tag.setMaxLength(Kind.TAG.maxLength());
        tag.setId("filter-tag");
        text.setLabel(t("calltest.scenario.search"));
        text.setMaxLength(Kind.LINE.maxLength());
        text.setId("filter-text");
        includeRetired.setLabel(t("calltest.scenario.includeRetired"));
        includeRetired.setId("filter-retired");
        for (var field : new com.vaadin.flow.component.textfield.TextField[] {tag, text}) {
            field.setValueChangeMode(ValueChangeMode.LAZY);
        }
        type.addValueChangeListener(e -> refresh());
        channel.addValueChangeListener(e -> refresh());
        tag.addValueChangeListener(e -> refresh());
        text.addValueChangeListener(e -> refresh());
        includeRetired.addValueChangeListener(e -> refresh());
        var create = new Button(t("calltest.scenario.new"), click -> openCreate());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("scenario-new");

        grid.setId("scenarios");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(Scenario::number).setHeader(t("calltest.scenario.number")).setKey("number").setAutoWidth(true);
        grid.addColumn(s -> s.current().title()).setHeader(t("calltest.scenario.title")).setKey("title")
                .setFlexGrow(2);
        grid.addColumn(s -> t("calltest.scenario.type." + s.current().type())
                + (s.current().special() == null ? "" : " · " + t("calltest.scenario.special." + s.current().special())))
                .setHeader(t("calltest.scenario.type")).setKey("type").setAutoWidth(true);
        grid.addColumn(s -> t("calltest.channel." + s.current().channel())).setHeader(t("calltest.plan.channel"))
                .setKey("channel").setAutoWidth(true);
        grid.addColumn(s -> "v" + s.current().revision()).setHeader(t("calltest.scenario.revision")).setKey("revision")
                .setAutoWidth(true);
        grid.addColumn(s -> String.join("、", s.current().tags())).setHeader(t("calltest.scenario.tags")).setKey("tags")
                .setAutoWidth(true);
        grid.addColumn(s -> s.retired() ? t("calltest.scenario.retired") : "").setHeader(t("calltest.scenario.state"))
                .setKey("retired").setAutoWidth(true);
        grid.setItems(query -> {
            try {
                return scenarios.search(filter(), GridPaging.startingAt(query.getOffset()), query.getLimit()).stream();
            } catch (OmbudException e) {
                Toasts.error(e);
                return Stream.empty();
            }
        });
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate("calltest/scenarios/"
                + click.getItem().id())));
        grid.setSizeFull();
        var toolbar = new HorizontalLayout(type, channel, tag, text, includeRetired, create);
        toolbar.setAlignItems(Alignment.BASELINE);
        toolbar.addClassName("ombud-toolbar");
        add(toolbar, grid);
        setFlexGrow(1, grid);
    }

    ScenarioFilter filter() {
        return new ScenarioFilter(type.getValue(), channel.getValue(), tag.getValue(), text.getValue(),
                includeRetired.getValue());
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private void openCreate() {
        var form = new ScenarioForm(this);
        var key = IdempotencyKey.random();
        var dialog = StepDialogs.form(this, t("calltest.scenario.new"), form.fields());
        StepDialogs.footer(dialog, "scenario-save", () -> StepDialogs.run(() -> scenarios.create(form.input(), key),
                dialog, this::refresh, form.byName()));
    }

    private String t(String key, Object... args) {
        return getTranslation(key, args);
    }

    @Override
    public String getPageTitle() {
        return t("nav.calltest.scenarios");
    }
}
