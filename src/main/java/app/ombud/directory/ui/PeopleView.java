package app.ombud.directory.ui;

import app.ombud.directory.AccountService;
import app.ombud.directory.Department;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.Person;
import app.ombud.directory.PersonFilter;
import app.ombud.directory.PersonInput;
import app.ombud.directory.Team;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.OmbudException;
import app.ombud.platform.Role;
import app.ombud.platform.TextInput.Kind;
import app.ombud.platform.ui.FieldErrors;
import app.ombud.platform.ui.GridPaging;
import app.ombud.platform.ui.SubmitButton;
import app.ombud.platform.ui.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Admins find, create and edit people, reset their passwords and unlock their accounts. */
@Route("directory/people")
@Menu(title = "nav.people", order = 800, icon = "vaadin:users")
@RolesAllowed("ADMIN")
class PeopleView extends VerticalLayout implements HasDynamicTitle {

    private final DirectoryService directory;
    private final AccountService accounts;
    private final Clock clock;

    private final TextField text = new TextField();
    private final ComboBox<Department> department = new ComboBox<>();
    private final ComboBox<Team> team = new ComboBox<>();
    private final Select<Role> role = new Select<>();
    private final Select<Boolean> active = new Select<>();
    final Grid<Person> grid = new Grid<>();

    private Map<UUID, Department> departments = Map.of();
    private final Map<UUID, Team> teams = new HashMap<>();

    PeopleView(DirectoryService directory, AccountService accounts, Clock clock) {
        this.directory = directory;
        this.accounts = accounts;
        this.clock = clock;
        addClassName("ombud-view");
        setSizeFull();
        loadDepartments();

        text.setLabel(getTranslation("people.filter.text"));
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setId("people-filter-text");
        department.setLabel(getTranslation("people.department"));
        department.setItems(departments.values().stream().toList());
        department.setItemLabelGenerator(Department::name);
        department.setClearButtonVisible(true);
        team.setLabel(getTranslation("people.team"));
        team.setItemLabelGenerator(Team::name);
        team.setClearButtonVisible(true);
        team.setEnabled(false);
        department.addValueChangeListener(change -> {
            team.clear();
            team.setItems(change.getValue() == null ? List.of() : directory.teamsOf(change.getValue().id()));
            team.setEnabled(change.getValue() != null);
        });
        role.setLabel(getTranslation("people.role"));
        role.setItems(Role.values());
        role.setEmptySelectionAllowed(true);
        role.setEmptySelectionCaption(getTranslation("common.all"));
        role.setItemLabelGenerator(r -> r == null ? getTranslation("common.all") : getTranslation(r.labelKey()));
        active.setLabel(getTranslation("people.active"));
        active.setItems(Boolean.TRUE, Boolean.FALSE);
        active.setEmptySelectionAllowed(true);
        active.setEmptySelectionCaption(getTranslation("common.all"));
        active.setItemLabelGenerator(a -> a == null ? getTranslation("common.all")
                : getTranslation(a ? "people.active.yes" : "people.active.no"));
        text.addValueChangeListener(change -> refresh());
        department.addValueChangeListener(change -> refresh());
        team.addValueChangeListener(change -> refresh());
        role.addValueChangeListener(change -> refresh());
        active.addValueChangeListener(change -> refresh());

        grid.addColumn(Person::employeeId).setHeader(getTranslation("people.employeeId")).setAutoWidth(true);
        grid.addColumn(Person::name).setHeader(getTranslation("people.name")).setAutoWidth(true);
        grid.addColumn(p -> name(departments.get(p.departmentId()), Department::name))
                .setHeader(getTranslation("people.department")).setAutoWidth(true);
        grid.addColumn(p -> name(teams.get(p.teamId()), Team::name)).setHeader(getTranslation("people.team"))
                .setAutoWidth(true);
        grid.addColumn(p -> Labels.roles(this, p.roles())).setHeader(getTranslation("people.roles")).setFlexGrow(2);
        grid.addColumn(p -> getTranslation(p.active() ? "people.active.yes" : "people.active.no"))
                .setHeader(getTranslation("people.active")).setAutoWidth(true);
        grid.addColumn(this::loginStatus).setHeader(getTranslation("people.login")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("common.actions")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.setItems(query -> page(directory.people(filter(), GridPaging.startingAt(query.getOffset()),
                query.getLimit()).getContent()).stream(), query -> (int) directory.countPeople(filter()));

        var create = new Button(getTranslation("people.create"), VaadinIcon.PLUS.create(), click -> edit(null));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("people-create");
        var toolbar = new HorizontalLayout(text, department, team, role, active, create);
        toolbar.addClassName("ombud-toolbar");
        add(toolbar, grid);
        setFlexGrow(1, grid);
    }

    private PersonFilter filter() {
        return new PersonFilter(text.getValue(), department.getValue() == null ? null : department.getValue().id(),
                team.getValue() == null ? null : team.getValue().id(), role.getValue(), active.getValue());
    }

    /** Team names of a page in one query, not one per row. */
    private List<Person> page(List<Person> people) {
        Set<UUID> missing = people.stream().map(Person::teamId).filter(id -> id != null && !teams.containsKey(id))
                .collect(Collectors.toSet());
        if (!missing.isEmpty()) {
            teams.putAll(directory.teamsByIds(missing));
        }
        return people;
    }

    private void loadDepartments() {
        departments = directory.allDepartments().stream()
                .collect(Collectors.toMap(Department::id, d -> d, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private void refresh() {
        teams.clear();
        grid.getDataProvider().refreshAll();
    }

    private static <T> String name(T value, Function<T, String> name) {
        return value == null ? "" : name.apply(value);
    }

    private String loginStatus(Person person) {
        if (locked(person)) {
            return getTranslation("people.login.locked", Labels.time(person.lockedUntil()));
        }
        return getTranslation(person.canLogIn() ? "people.login.ok" : "people.login.none");
    }

    private boolean locked(Person person) {
        return person.lockedUntil() != null && person.lockedUntil().isAfter(clock.instant());
    }

    private HorizontalLayout actions(Person person) {
        var edit = new Button(getTranslation("common.edit"), click -> edit(person));
        var reset = new Button(getTranslation("people.resetPassword"), click -> confirmReset(person));
        var unlock = new Button(getTranslation("people.unlock"), click -> unlock(person));
        unlock.setVisible(locked(person));
        for (Button button : List.of(edit, reset, unlock)) {
            button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        var actions = new HorizontalLayout(edit, reset, unlock);
        actions.setSpacing(false);
        return actions;
    }

    // ---- create / edit ------------------------------------------------------------------

    /** What the dialog edits: a copy, never the live record. */
    static final class PersonForm {
        String employeeId = "";
        String name = "";
        Department department;
        Team team;
        Set<Role> roles = EnumSet.noneOf(Role.class);
        boolean active = true;
        String phone = "";
        String email = "";
    }

    private void edit(Person person) {
        loadDepartments();
        var form = new PersonForm();
        if (person != null) {
            form.employeeId = person.employeeId();
            form.name = person.name();
            form.department = departments.get(person.departmentId());
            form.team = person.teamId() == null ? null : directory.team(person.teamId());
            form.roles = person.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(person.roles());
            form.active = person.active();
            form.phone = person.phone() == null ? "" : person.phone();
            form.email = person.email() == null ? "" : person.email();
        }

        var employeeId = new TextField(getTranslation("people.employeeId"));
        employeeId.setMaxLength(Kind.EMPLOYEE_ID.maxLength());
        employeeId.setId("person-employeeId");
        var name = new TextField(getTranslation("people.name"));
        name.setMaxLength(Kind.NAME.maxLength());
        name.setId("person-name");
        var departmentField = new ComboBox<Department>(getTranslation("people.department"));
        departmentField.setItems(departments.values().stream().toList());
        departmentField.setItemLabelGenerator(Department::name);
        departmentField.setClearButtonVisible(true);
        var teamField = new ComboBox<Team>(getTranslation("people.team"));
        teamField.setItemLabelGenerator(Team::name);
        teamField.setClearButtonVisible(true);
        teamField.setItems(form.department == null ? List.of() : directory.teamsOf(form.department.id()));
        departmentField.addValueChangeListener(change -> {
            if (change.isFromClient() || change.getOldValue() != null) {
                teamField.clear();
            }
            teamField.setItems(change.getValue() == null ? List.of() : directory.teamsOf(change.getValue().id()));
        });
        var roles = new MultiSelectComboBox<Role>(getTranslation("people.roles"));
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(r -> getTranslation(r.labelKey()));
        var activeField = new Checkbox(getTranslation("people.active"));
        var phone = new TextField(getTranslation("people.phone"));
        phone.setMaxLength(Kind.PHONE.maxLength());
        var email = new TextField(getTranslation("people.email"));
        email.setMaxLength(Kind.EMAIL.maxLength());

        var binder = new Binder<PersonForm>();
        binder.forField(employeeId).asRequired(getTranslation("common.required"))
                .bind(f -> f.employeeId, (f, v) -> f.employeeId = v);
        binder.forField(name).asRequired(getTranslation("common.required")).bind(f -> f.name, (f, v) -> f.name = v);
        binder.forField(departmentField).bind(f -> f.department, (f, v) -> f.department = v);
        binder.forField(teamField).bind(f -> f.team, (f, v) -> f.team = v);
        binder.forField(roles).bind(f -> f.roles, (f, v) -> f.roles = v);
        binder.forField(activeField).bind(f -> f.active, (f, v) -> f.active = v);
        binder.forField(phone).bind(f -> f.phone, (f, v) -> f.phone = v);
        binder.forField(email).bind(f -> f.email, (f, v) -> f.email = v);
        binder.readBean(form);

        var errors = new FieldErrors().on("employeeId", employeeId).on("name", name)
                .on("departmentId", departmentField).on("teamId", teamField).on("roles", roles)
                .on("phone", phone).on("email", email);
        var dialog = new Dialog(getTranslation(person == null ? "people.create" : "people.edit"));
        dialog.setId("person-dialog");
        var layout = new FormLayout(employeeId, name, departmentField, teamField, roles, activeField, phone, email);
        dialog.add(layout);
        // one key per opening of the dialog: however often it is sent, one record is created
        var submission = IdempotencyKey.random();
        var save = SubmitButton.of(getTranslation("common.save"), "person-save", () -> {
            errors.clear();
            if (!binder.writeBeanIfValid(form)) {
                return;
            }
            var input = new PersonInput(form.employeeId, form.name,
                    form.department == null ? null : form.department.id(), form.team == null ? null : form.team.id(),
                    form.roles, form.active, form.phone, form.email);
            try {
                if (person == null) {
                    directory.createPerson(input, submission);
                } else {
                    directory.updatePerson(person.id(), input, person.version());
                }
            } catch (OmbudException e) {
                errors.show(e);
                return;
            }
            dialog.close();
            Toasts.success(getTranslation("common.saved"));
            refresh();
        });
        var cancel = new Button(getTranslation("common.cancel"), click -> dialog.close());
        dialog.getFooter().add(cancel, save);
        dialog.open();
    }

    // ---- accounts -----------------------------------------------------------------------

    private void confirmReset(Person person) {
        var confirm = new ConfirmDialog(getTranslation("people.resetPassword"),
                getTranslation("people.resetPassword.confirm", person.name(), person.employeeId()),
                getTranslation("people.resetPassword"), event -> reset(person));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("common.cancel"));
        confirm.open();
    }

    private void reset(Person person) {
        String password;
        try {
            password = accounts.reset(person.id(), person.version()).oneTimePassword();
        } catch (OmbudException e) {
            Toasts.error(e);
            refresh();
            return;
        }
        refresh();
        var secret = new Span(password);
        secret.addClassName("ombud-secret");
        secret.setId("one-time-password");
        var dialog = new Dialog(getTranslation("people.oneTimePassword.title"));
        dialog.add(new Paragraph(getTranslation("people.oneTimePassword.hint", person.name())), secret);
        dialog.setCloseOnOutsideClick(false);
        var close = new Button(getTranslation("common.close"), click -> dialog.close());
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // the password exists only in this dialog: closing it removes it from the page
        dialog.addOpenedChangeListener(change -> {
            if (!change.isOpened()) {
                secret.setText("");
            }
        });
        dialog.getFooter().add(close);
        dialog.open();
    }

    private void unlock(Person person) {
        try {
            accounts.unlock(person.id());
            Toasts.success(getTranslation("people.unlocked", person.name()));
        } catch (OmbudException e) {
            Toasts.error(e);
        }
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.people");
    }
}
