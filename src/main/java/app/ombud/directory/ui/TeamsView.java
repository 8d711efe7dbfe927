package app.ombud.directory.ui;

import app.ombud.directory.Department;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.Team;
import app.ombud.directory.TeamInput;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.OmbudException;
import app.ombud.platform.TextInput.Kind;
import app.ombud.platform.ui.FieldErrors;
import app.ombud.platform.ui.GridPaging;
import app.ombud.platform.ui.SubmitButton;
import app.ombud.platform.ui.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Admins keep the teams of each department and their team leads (领班). */
@Route("directory/teams")
@Menu(title = "nav.teams", order = 820, icon = "vaadin:group")
@RolesAllowed("ADMIN")
class TeamsView extends VerticalLayout implements HasDynamicTitle {

    private final DirectoryService directory;
    private final ComboBox<Department> department = new ComboBox<>();
    final Grid<Team> grid = new Grid<>();
    private Map<UUID, Department> departments = Map.of();

    TeamsView(DirectoryService directory) {
        this.directory = directory;
        addClassName("ombud-view");
        setSizeFull();
        loadDepartments();

        department.setLabel(getTranslation("teams.department"));
        department.setItems(departments.values().stream().toList());
        department.setItemLabelGenerator(Department::name);
        department.setClearButtonVisible(true);
        department.addValueChangeListener(change -> grid.getDataProvider().refreshAll());

        grid.addColumn(Team::name).setHeader(getTranslation("teams.name")).setFlexGrow(2);
        grid.addColumn(t -> departments.containsKey(t.departmentId()) ? departments.get(t.departmentId()).name() : "")
                .setHeader(getTranslation("teams.department")).setFlexGrow(2);
        grid.addColumn(t -> t.leadEmployeeId() == null ? "" : t.leadEmployeeId())
                .setHeader(getTranslation("teams.lead")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("common.actions")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.setItems(query -> directory.teams(departmentId(), GridPaging.startingAt(query.getOffset()),
                query.getLimit()).stream(), query -> (int) directory.countTeams(departmentId()));

        var create = new Button(getTranslation("teams.create"), VaadinIcon.PLUS.create(), click -> edit(null));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("teams-create");
        var toolbar = new HorizontalLayout(department, create);
        toolbar.addClassName("ombud-toolbar");
        add(toolbar, grid);
        setFlexGrow(1, grid);
    }

    private UUID departmentId() {
        return department.getValue() == null ? null : department.getValue().id();
    }

    private void loadDepartments() {
        departments = directory.allDepartments().stream()
                .collect(Collectors.toMap(Department::id, d -> d, (a, b) -> a, LinkedHashMap::new));
    }

    private HorizontalLayout actions(Team team) {
        var edit = new Button(getTranslation("common.edit"), click -> edit(team));
        var delete = new Button(getTranslation("common.delete"), click -> confirmDelete(team));
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        var actions = new HorizontalLayout(edit, delete);
        actions.setSpacing(false);
        return actions;
    }

    /** What the dialog edits: a copy, never the live record. */
    static final class TeamForm {
        String name = "";
        Department department;
        String lead = "";
    }

    private void edit(Team team) {
        loadDepartments();
        var form = new TeamForm();
        if (team != null) {
            form.name = team.name();
            form.department = departments.get(team.departmentId());
            form.lead = team.leadEmployeeId() == null ? "" : team.leadEmployeeId();
        } else {
            form.department = department.getValue();
        }
        var name = new TextField(getTranslation("teams.name"));
        name.setMaxLength(Kind.NAME.maxLength());
        name.setId("team-name");
        var departmentField = new ComboBox<Department>(getTranslation("teams.department"));
        departmentField.setItems(departments.values().stream().toList());
        departmentField.setItemLabelGenerator(Department::name);
        departmentField.setId("team-department");
        var lead = new TextField(getTranslation("teams.lead"));
        lead.setMaxLength(Kind.EMPLOYEE_ID.maxLength());

        var binder = new Binder<TeamForm>();
        binder.forField(name).asRequired(getTranslation("common.required")).bind(f -> f.name, (f, v) -> f.name = v);
        binder.forField(departmentField).asRequired(getTranslation("common.required"))
                .bind(f -> f.department, (f, v) -> f.department = v);
        binder.forField(lead).bind(f -> f.lead, (f, v) -> f.lead = v);
        binder.readBean(form);
        var errors = new FieldErrors().on("name", name).on("departmentId", departmentField)
                .on("leadEmployeeId", lead);

        var dialog = new Dialog(getTranslation(team == null ? "teams.create" : "teams.edit"));
        dialog.setId("team-dialog");
        dialog.add(new FormLayout(name, departmentField, lead));
        // one key per opening of the dialog: however often it is sent, one record is created
        var submission = IdempotencyKey.random();
        var save = SubmitButton.of(getTranslation("common.save"), "team-save", () -> {
            errors.clear();
            if (!binder.writeBeanIfValid(form)) {
                return;
            }
            var input = new TeamInput(form.name, form.department.id(), form.lead);
            try {
                if (team == null) {
                    directory.createTeam(input, submission);
                } else {
                    directory.updateTeam(team.id(), input, team.version());
                }
            } catch (OmbudException e) {
                errors.show(e);
                return;
            }
            dialog.close();
            Toasts.success(getTranslation("common.saved"));
            grid.getDataProvider().refreshAll();
        });
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), click -> dialog.close()), save);
        dialog.open();
    }

    private void confirmDelete(Team team) {
        var confirm = new ConfirmDialog(getTranslation("teams.delete"),
                getTranslation("teams.delete.confirm", team.name()), getTranslation("common.delete"),
                event -> delete(team));
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("common.cancel"));
        confirm.open();
    }

    private void delete(Team team) {
        try {
            directory.deleteTeam(team.id(), team.version());
            Toasts.success(getTranslation("teams.deleted", team.name()));
        } catch (OmbudException e) {
            Toasts.error(e);
        }
        grid.getDataProvider().refreshAll();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.teams");
    }
}
