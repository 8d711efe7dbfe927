package app.ombud.directory.ui;

import app.ombud.directory.Department;
import app.ombud.directory.DepartmentInput;
import app.ombud.directory.DirectoryService;
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
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Admins keep the departments and who is whose superior department (上级主管部门). */
@Route("directory/departments")
@Menu(title = "nav.departments", order = 810, icon = "vaadin:sitemap")
@RolesAllowed("ADMIN")
class DepartmentsView extends VerticalLayout implements HasDynamicTitle {

    private final DirectoryService directory;
    final Grid<Department> grid = new Grid<>();
    private Map<UUID, Department> all = Map.of();

    DepartmentsView(DirectoryService directory) {
        this.directory = directory;
        addClassName("ombud-view");
        setSizeFull();

        grid.addColumn(d -> d.code() == null ? "" : d.code()).setHeader(getTranslation("departments.code"))
                .setAutoWidth(true);
        grid.addColumn(Department::name).setHeader(getTranslation("departments.name")).setFlexGrow(2);
        grid.addColumn(d -> d.parentId() == null || !all.containsKey(d.parentId()) ? "" : all.get(d.parentId()).name())
                .setHeader(getTranslation("departments.superior")).setFlexGrow(2);
        grid.addColumn(d -> d.headEmployeeId() == null ? "" : d.headEmployeeId())
                .setHeader(getTranslation("departments.head")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("common.actions")).setAutoWidth(true)
                .setFlexGrow(0);
        loadAll();
        grid.setItems(query -> directory.departments(GridPaging.startingAt(query.getOffset()), query.getLimit())
                .stream(), query -> (int) directory.countDepartments());

        var create = new Button(getTranslation("departments.create"), VaadinIcon.PLUS.create(), click -> edit(null));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("departments-create");
        var toolbar = new HorizontalLayout(create);
        toolbar.addClassName("ombud-toolbar");
        add(toolbar, grid);
        setFlexGrow(1, grid);
    }

    /** Names of superior departments: all departments in one query (a company has dozens). */
    private void loadAll() {
        all = directory.allDepartments().stream().collect(Collectors.toMap(Department::id, d -> d));
    }

    private void refresh() {
        loadAll();
        grid.getDataProvider().refreshAll();
    }

    private HorizontalLayout actions(Department department) {
        var edit = new Button(getTranslation("common.edit"), click -> edit(department));
        var delete = new Button(getTranslation("common.delete"), click -> confirmDelete(department));
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        var actions = new HorizontalLayout(edit, delete);
        actions.setSpacing(false);
        return actions;
    }

    /** What the dialog edits: a copy, never the live record. */
    static final class DepartmentForm {
        String code = "";
        String name = "";
        Department superior;
        String head = "";
    }

    private void edit(Department department) {
        loadAll();
        var form = new DepartmentForm();
        if (department != null) {
            form.code = department.code() == null ? "" : department.code();
            form.name = department.name();
            form.superior = department.parentId() == null ? null : all.get(department.parentId());
            form.head = department.headEmployeeId() == null ? "" : department.headEmployeeId();
        }
        var code = new TextField(getTranslation("departments.code"));
        code.setMaxLength(Kind.CODE.maxLength());
        code.setId("department-code");
        var name = new TextField(getTranslation("departments.name"));
        name.setMaxLength(Kind.NAME.maxLength());
        name.setId("department-name");
        var superior = new ComboBox<Department>(getTranslation("departments.superior"));
        // a department cannot be its own superior; deeper cycles are refused by the service
        superior.setItems(all.values().stream()
                .filter(d -> department == null || !d.id().equals(department.id()))
                .sorted(java.util.Comparator.comparing(Department::name)).toList());
        superior.setItemLabelGenerator(Department::name);
        superior.setClearButtonVisible(true);
        superior.setId("department-superior");
        var head = new TextField(getTranslation("departments.head"));
        head.setMaxLength(Kind.EMPLOYEE_ID.maxLength());

        var binder = new Binder<DepartmentForm>();
        binder.forField(code).bind(f -> f.code, (f, v) -> f.code = v);
        binder.forField(name).asRequired(getTranslation("common.required")).bind(f -> f.name, (f, v) -> f.name = v);
        binder.forField(superior).bind(f -> f.superior, (f, v) -> f.superior = v);
        binder.forField(head).bind(f -> f.head, (f, v) -> f.head = v);
        binder.readBean(form);
        var errors = new FieldErrors().on("code", code).on("name", name).on("parentId", superior)
                .on("headEmployeeId", head);

        var dialog = new Dialog(getTranslation(department == null ? "departments.create" : "departments.edit"));
        dialog.setId("department-dialog");
        dialog.add(new FormLayout(code, name, superior, head));
        // one key per opening of the dialog: however often it is sent, one record is created
        var submission = IdempotencyKey.random();
        var save = SubmitButton.of(getTranslation("common.save"), "department-save", () -> {
            errors.clear();
            if (!binder.writeBeanIfValid(form)) {
                return;
            }
            var input = new DepartmentInput(form.code, form.name, form.superior == null ? null : form.superior.id(),
                    form.head);
            try {
                if (department == null) {
                    directory.createDepartment(input, submission);
                } else {
                    directory.updateDepartment(department.id(), input, department.version());
                }
            } catch (OmbudException e) {
                errors.show(e);
                return;
            }
            dialog.close();
            Toasts.success(getTranslation("common.saved"));
            refresh();
        });
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), click -> dialog.close()), save);
        dialog.open();
    }

    private void confirmDelete(Department department) {
        var confirm = new ConfirmDialog(getTranslation("departments.delete"),
                getTranslation("departments.delete.confirm", department.name()), getTranslation("common.delete"),
                event -> delete(department));
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("common.cancel"));
        confirm.open();
    }

    private void delete(Department department) {
        try {
            directory.deleteDepartment(department.id(), department.version());
            Toasts.success(getTranslation("departments.deleted", department.name()));
        } catch (OmbudException e) {
            Toasts.error(e);
        }
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.departments");
    }
}
