package app.ombud.complaint.ui;

import app.ombud.complaint.CaseFilter;
import app.ombud.complaint.CaseStatus;
import app.ombud.complaint.ComplaintCase;
import app.ombud.complaint.ComplaintService;
import app.ombud.complaint.IntakeChannel;
import app.ombud.directory.Department;
import app.ombud.directory.DirectoryService;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.OmbudException;
import app.ombud.platform.PersonalData;
import app.ombud.platform.Role;
import app.ombud.platform.ui.CompanyTime;
import app.ombud.platform.ui.DateLimits;
import app.ombud.platform.ui.GridPaging;
import app.ombud.platform.ui.Toasts;
import app.ombud.policy.CaseCategory;
import app.ombud.policy.LevelRule;
import app.ombud.policy.PolicyService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The case inbox: the cases the signed-in person may see (the service decides which), newest
 * first, with the search filters of the archive; a click opens the case.
 */
@Route("cases")
@Menu(title = "nav.cases", order = 10, icon = "vaadin:inbox")
@RolesAllowed({"AGENT", "TEAM_LEAD", "DEPT_HEAD", "LEADERSHIP", "ADMIN", "SUPERIOR", "BI_READER"})
public class CaseInboxView extends VerticalLayout implements HasDynamicTitle {

    private final ComplaintService cases;
    private final Clock clock;
    private final Map<UUID, String> departmentNames;

    final TextField number = new TextField();
    final TextField text = new TextField();
    final Select<CaseStatus> status = new Select<>();
    final Select<Integer> level = new Select<>();
    final Select<CaseCategory> category = new Select<>();
    final Select<IntakeChannel> channel = new Select<>();
    /** Part of the customer's name or phone number (the last digits an agent types). */
    final TextField customer = new TextField();
    final ComboBox<Department> department = new ComboBox<>();
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final Grid<ComplaintCase> grid = new Grid<>();

    public CaseInboxView(ComplaintService cases, DirectoryService directory, Clock clock, PolicyService policy) {
        this.cases = cases;
        this.clock = clock;
        addClassName("ombud-view");
        setSizeFull();
        List<Department> departments = directory.allDepartments();
        departmentNames = departments.stream().collect(Collectors.toMap(Department::id, Department::name, (a, b) -> a));

        number.setLabel(t("case.number"));
        number.setId("filter-number");
        text.setLabel(t("case.filter.text"));
        text.setId("filter-text");
        customer.setLabel(t("case.filter.customer"));
        customer.setPlaceholder(t("case.filter.customer.hint"));
        customer.setId("filter-customer");
        for (var field : List.of(number, text, customer)) {
            field.setClearButtonVisible(true);
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.addValueChangeListener(change -> refresh());
        }
        // the service refuses these filters to BI readers: they would reveal personal data
        boolean personal = !PersonalData.hiddenFrom(CurrentActor.get());
        text.setVisible(personal);
        customer.setVisible(personal);
        choice(status, "case.status", CaseStatus.values(), s -> t("case.status." + s));
        status.setId("filter-status");
        choice(level, "case.level", policy.current().content().grading().levels().stream().map(LevelRule::level)
                .toArray(Integer[]::new), l -> t("case.level.value", l));
        level.setId("filter-level");
        choice(category, "case.category", CaseCategory.values(), c -> t("case.category." + c));
        choice(channel, "case.channel", IntakeChannel.values(), c -> t("case.channel." + c));
        department.setLabel(t("case.department"));
        department.setItems(departments);
        department.setItemLabelGenerator(Department::name);
        department.setClearButtonVisible(true);
        department.addValueChangeListener(change -> refresh());
        from.setLabel(t("case.filter.from"));
        to.setLabel(t("case.filter.to"));
        DateLimits.anyDay(from);
        DateLimits.anyDay(to);
        from.addValueChangeListener(change -> refresh());
        to.addValueChangeListener(change -> refresh());

        var toolbar = new HorizontalLayout(number, customer, text, status, level, category, channel, department, from,
                to);
        toolbar.addClassName("ombud-toolbar");
        var actor = CurrentActor.find();
        if (actor.map(a -> a.hasAny(Role.AGENT, Role.TEAM_LEAD, Role.DEPT_HEAD, Role.LEADERSHIP, Role.ADMIN))
                .orElse(false)) {
            var create = new Button(t("case.new"), VaadinIcon.PLUS.create(),
                    click -> getUI().ifPresent(ui -> ui.navigate(CaseIntakeView.class)));
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            create.setId("new-case");
            toolbar.addComponentAsFirst(create);
        }

        grid.setId("cases");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addComponentColumn(c -> {
            var box = new HorizontalLayout(new Span(c.number()), CaseBadges.urgent(c));
            box.setSpacing(false);
            box.addClassName("ombud-gap-xs");
            return box;
        }).setHeader(t("case.number")).setKey("number").setAutoWidth(true);
        grid.addColumn(c -> CompanyTime.time(c.receivedAt())).setHeader(t("case.received")).setKey("received")
                .setAutoWidth(true);
        grid.addComponentColumn(c -> CaseBadges.level(c.grade().level())).setHeader(t("case.level")).setKey("level")
                .setAutoWidth(true);
        grid.addColumn(c -> t("case.status." + c.status())).setHeader(t("case.status")).setKey("status")
                .setAutoWidth(true);
        grid.addColumn(ComplaintCase::subject).setHeader(t("case.subject")).setKey("subject").setFlexGrow(2);
        grid.addColumn(c -> customer(c)).setHeader(t("case.customer")).setKey("customer").setAutoWidth(true);
        grid.addColumn(c -> c.assignment() == null ? "" : departmentNames.getOrDefault(c.assignment().departmentId(), ""))
                .setHeader(t("case.department")).setKey("department").setAutoWidth(true);
        grid.addComponentColumn(c -> {
            var due = new Span(c.deadlines() == null ? "" : CompanyTime.time(c.deadlines().resolutionDue()));
            var box = new HorizontalLayout(due, CaseBadges.due(c, clock.instant()));
            box.setSpacing(false);
            box.addClassName("ombud-gap-xs");
            return box;
        }).setHeader(t("case.due")).setKey("due").setAutoWidth(true);
        grid.setItems(query -> {
            try {
                return cases.search(filter(), GridPaging.startingAt(query.getOffset()), query.getLimit()).stream();
            } catch (OmbudException e) {
                Toasts.error(e);
                return Stream.empty();
            }
        }, query -> (int) cases.count(filter()));
        grid.addItemClickListener(click -> open(click.getItem()));
        grid.setSizeFull();

        add(toolbar, grid);
        setFlexGrow(1, grid);
    }

    private <T> void choice(Select<T> select, String label, T[] values, Function<T, String> names) {
        select.setLabel(t(label));
        select.setItems(values);
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption(t("common.all"));
        select.setItemLabelGenerator(v -> v == null ? t("common.all") : names.apply(v));
        select.addValueChangeListener(change -> refresh());
    }

    private static String customer(ComplaintCase c) {
        var customer = c.customer();
        if (customer == null) {
            return "";
        }
        return Stream.of(customer.name(), customer.phone()).filter(s -> s != null && !s.isBlank())
                .collect(Collectors.joining(" "));
    }

    CaseFilter filter() {
        var zone = CompanyTime.zone();
        LocalDate until = to.getValue();
        return new CaseFilter(blank(number.getValue()), from.getValue() == null ? null
                : from.getValue().atStartOfDay(zone).toInstant(),
                until == null ? null : until.plusDays(1).atStartOfDay(zone).toInstant(), level.getValue(),
                status.getValue(), category.getValue(), department.getValue() == null ? null
                        : department.getValue().id(), channel.getValue(), null, blank(text.getValue()),
                blank(customer.getValue()));
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private void open(ComplaintCase c) {
        getUI().ifPresent(ui -> ui.navigate("cases/" + c.id()));
    }

    private String t(String key, Object... args) {
        return getTranslation(key, args);
    }

    @Override
    public String getPageTitle() {
        return t("nav.cases");
    }
}
