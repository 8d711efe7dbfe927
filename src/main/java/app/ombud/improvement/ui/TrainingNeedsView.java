package app.ombud.improvement.ui;

import app.ombud.directory.DirectoryService;
import app.ombud.directory.Person;
import app.ombud.directory.PersonFilter;
import app.ombud.improvement.SourceRef;
import app.ombud.improvement.TrainingNeed;
import app.ombud.improvement.TrainingNeeds;
import app.ombud.improvement.TrainingStatus;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.OmbudException;
import app.ombud.platform.TextInput.Kind;
import app.ombud.platform.ui.CompanyTime;
import app.ombud.platform.ui.GridPaging;
import app.ombud.platform.ui.StepDialogs;
import app.ombud.platform.ui.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Training needs (培训需求): those this person may read (the test-call group, department heads,
 * leadership and admins all; anyone else those naming them), newest first, with a status filter.
 * Those who manage them record a need (topic, people, the results it comes from, when planned),
 * mark it done on a day and note its effect. A need derived from results shows, once done, the
 * people's figure before and since the training, computed from their later results.
 */
@Route("training-needs")
@Menu(title = "nav.trainingNeeds", order = 44, icon = "vaadin:academy-cap")
@PermitAll
public class TrainingNeedsView extends VerticalLayout implements HasDynamicTitle {

    /** The kinds of result a need can come from, as source types. */
    static final List<String> SOURCE_TYPES = List.of("TestCall", "WeakSpot", "Review", "ComplaintCase");

    final Select<TrainingStatus> status = new Select<>();
    final Grid<TrainingNeed> grid = new Grid<>();
    private final TrainingNeeds needs;
    private final DirectoryService directory;
    private final Clock clock;
    private final boolean manages;

    public TrainingNeedsView(TrainingNeeds needs, DirectoryService directory, Clock clock) {
        this.needs = needs;
        this.directory = directory;
        this.clock = clock;
        this.manages = CurrentActor.find().map(a -> a.namesPerson() && TrainingNeeds.manages(a)).orElse(false);
        addClassName("ombud-view");
        setSizeFull();

        status.setLabel(t("training.status"));
        status.setItems(TrainingStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(t("common.all"));
        status.setItemLabelGenerator(s -> s == null ? t("common.all") : t("training.status." + s));
        status.setId("filter-status");
        status.addValueChangeListener(change -> grid.getDataProvider().refreshAll());

        grid.setId("training-needs");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(TrainingNeed::number).setHeader(t("training.number")).setKey("number").setAutoWidth(true);
        grid.addColumn(TrainingNeed::topic).setHeader(t("training.topic")).setKey("topic").setFlexGrow(2);
        grid.addColumn(n -> String.join("、", n.employeeIds())).setHeader(t("training.people")).setKey("people")
                .setFlexGrow(1);
        grid.addColumn(n -> n.sources().stream().map(s -> s.number() == null ? s.type() : s.number())
                .reduce((a, b) -> a + "、" + b).orElse("")).setHeader(t("training.sources")).setKey("sources");
        grid.addColumn(n -> n.plannedFor() == null ? "" : n.plannedFor().toString()).setHeader(t("training.plannedFor"))
                .setKey("planned").setAutoWidth(true);
        grid.addColumn(n -> t("training.status." + n.status()) + (n.doneOn() == null ? "" : " " + n.doneOn()))
                .setHeader(t("training.status")).setKey("status").setAutoWidth(true);
        grid.addColumn(n -> n.effect() == null ? "" : n.effect()).setHeader(t("training.effect")).setKey("effect")
                .setFlexGrow(2);
        grid.addColumn(this::effectSeen).setHeader(t("training.effectSeen")).setKey("effectSeen").setFlexGrow(2);
        grid.addComponentColumn(this::rowAction).setKey("action").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(query -> {
            try {
                return needs.search(status.getValue(), null, GridPaging.startingAt(query.getOffset()),
                        query.getLimit()).stream();
            } catch (OmbudException e) {
                Toasts.error(e);
                return Stream.empty();
            }
        });
        grid.setSizeFull();

        var toolbar = new HorizontalLayout(status);
        toolbar.addClassName("ombud-toolbar");
        if (manages) {
            var create = new Button(t("training.create"), click -> openCreate());
            create.setId("training-create");
            toolbar.add(create);
        }
        add(toolbar, grid);
        setFlexGrow(1, grid);
    }

    /** Done (a planned need) or the effect (a done one), for those who manage needs. */
    private com.vaadin.flow.component.Component rowAction(TrainingNeed n) {
        var button = n.status() == TrainingStatus.PLANNED
                ? new Button(t("training.done"), click -> openDone(n))
                : new Button(t("training.effect.note"), click -> openEffect(n));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.setId("training-action-" + n.number());
        button.setVisible(manages);
        return button;
    }

    /** The people's figure before and since the training, computed, for a done need derived from results. */
    String effectSeen(TrainingNeed n) {
        var seen = needs.effect(n);
        if (seen.isEmpty()) {
            return n.derivedFrom() != null && n.status() == TrainingStatus.PLANNED ? t("training.derived") : "";
        }
        var e = seen.get();
        String text = t("training.effectSeen.value", t(e.figureKey(), e.figureArgs().toArray()), figure(e.before()),
                e.beforeCalls(), e.since().toString(), figure(e.after()), e.afterCalls());
        return e.improved() == null ? text : text + " · " + t(e.improved() ? "training.effectSeen.improved"
                : "training.effectSeen.notImproved");
    }

    private String figure(Double value) {
        return value == null ? t("training.effectSeen.none") : String.format(java.util.Locale.ROOT, "%.1f", value);
    }

    private void openCreate() {
        var topic = new TextField(t("training.topic"));
        topic.setId("training-topic");
        topic.setMaxLength(Kind.LINE.maxLength());
        var people = new MultiSelectComboBox<Person>(t("training.people"));
        people.setId("training-people");
        people.setItemLabelGenerator(p -> p.name() + " (" + p.employeeId() + ")");
        people.setItems(query -> {
            String filter = query.getFilter().filter(f -> !f.isBlank()).orElse(null);
            return directory.people(new PersonFilter(filter, null, null, null, true),
                    GridPaging.startingAt(query.getOffset()), query.getLimit()).stream();
        });
        var sourceType = new Select<String>();
        sourceType.setLabel(t("training.sourceType"));
        sourceType.setItems(SOURCE_TYPES);
        sourceType.setItemLabelGenerator(type -> t("training.sourceType." + type));
        sourceType.setValue(SOURCE_TYPES.getFirst());
        sourceType.setId("training-source-type");
        var sources = new TextArea(t("training.sources"));
        sources.setHelperText(t("training.sources.help"));
        sources.setId("training-sources");
        var planned = new DatePicker(t("training.plannedFor"));
        planned.setId("training-planned");
        planned.setMin(LocalDate.ofInstant(clock.instant(), CompanyTime.zone()));
        Dialog dialog = StepDialogs.form(this, t("training.create"), topic, people, sourceType, sources, planned);
        var submission = IdempotencyKey.random();
        StepDialogs.footer(dialog, "training-save", () -> StepDialogs.run(() -> needs.create(topic.getValue(),
                people.getValue().stream().map(Person::employeeId).sorted().toList(),
                Arrays.stream(sources.getValue().split("[,，、\\s]+")).filter(s -> !s.isBlank())
                        .map(number -> new SourceRef(sourceType.getValue(), null, number)).toList(),
                planned.getValue(), submission), dialog, this::refresh,
                Map.of("topic", topic, "employeeIds", people, "sources.number", sources, "plannedFor", planned)));
    }

    private void openDone(TrainingNeed n) {
        var day = new DatePicker(t("training.doneOn"));
        day.setId("training-done-on");
        LocalDate today = LocalDate.ofInstant(clock.instant(), CompanyTime.zone());
        day.setMax(today);
        day.setValue(today);
        Dialog dialog = StepDialogs.form(this, t("training.done"), day);
        StepDialogs.footer(dialog, "training-done-save", () -> StepDialogs.run(() -> needs.markDone(n.id(),
                day.getValue(), n.version()), dialog, this::refresh, Map.of("doneOn", day)));
    }

    private void openEffect(TrainingNeed n) {
        var effect = new TextArea(t("training.effect"));
        effect.setId("training-effect");
        effect.setMaxLength(Kind.TEXT.maxLength());
        effect.setValue(n.effect() == null ? "" : n.effect());
        Dialog dialog = StepDialogs.form(this, t("training.effect.note"), effect);
        StepDialogs.footer(dialog, "training-effect-save", () -> StepDialogs.run(() -> needs.noteEffect(n.id(),
                effect.getValue(), n.version()), dialog, this::refresh, Map.of("effect", effect)));
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private String t(String key, Object... args) {
        return getTranslation(key, args);
    }

    @Override
    public String getPageTitle() {
        return t("nav.trainingNeeds");
    }
}
