package app.ombud.improvement.ui;

import app.ombud.directory.Department;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.Person;
import app.ombud.directory.PersonFilter;
import app.ombud.improvement.ImprovementAction;
import app.ombud.improvement.ImprovementService;
import app.ombud.improvement.ImprovementSource;
import app.ombud.improvement.RaiseImprovement;
import app.ombud.improvement.SourceRef;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.TextInput.Kind;
import app.ombud.platform.ui.CompanyTime;
import app.ombud.platform.ui.GridPaging;
import app.ombud.platform.ui.StepDialogs;
import app.ombud.platform.ui.Texts;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The raise dialog, the same wherever an action is raised (the improvement lists by hand, the
 * case page from a valid complaint, the review page from an upheld verdict): what to improve,
 * the responsible department and a person in it, the due date (empty: the default working days);
 * the source and its record are given by the page. One idempotency key per opening, so a
 * repeated click raises one action; a refusal naming a field shows on it. Another module's page
 * (the test calls') opens it with its own fields below and its own service to raise through.
 */
public final class RaiseImprovementDialog {

    /** Raises the dialog's request once per key, through the improvement module or another module's service. */
    @FunctionalInterface
    public interface Raise {
        ImprovementAction raise(RaiseImprovement request, IdempotencyKey key);
    }

    private RaiseImprovementDialog() {
    }

    /**
     * Opens the dialog on {@code page}; {@code raised} gets the new action (e.g. to go to its page).
     *
     * @param department the department to preselect (the case's, the accused's), or null
     */
    static void open(HasComponents page, ImprovementService improvements, DirectoryService directory, Clock clock,
            ImprovementSource source, SourceRef ref, UUID department, Consumer<ImprovementAction> raised) {
        open(page, directory, clock, source, ref, department, List.of(), improvements::raise, raised);
    }

    /**
     * Opens the dialog with {@code extra} fields below the due date, raising through {@code raise}
     * (e.g. the test calls' service, which adds a re-test from its extra fields); the request it
     * gets has no re-test.
     */
    public static void open(HasComponents page, DirectoryService directory, Clock clock, ImprovementSource source,
            SourceRef ref, UUID department, List<Component> extra, Raise raise, Consumer<ImprovementAction> raised) {
        var title = new TextField(t("improvement.title"));
        title.setId("raise-title");
        title.setMaxLength(Kind.LINE.maxLength());
        title.setRequiredIndicatorVisible(true);
        var description = new TextArea(t("improvement.description"));
        description.setId("raise-description");
        description.setMaxLength(Kind.TEXT.maxLength());
        description.setRequiredIndicatorVisible(true);
        var departments = new ComboBox<Department>(t("improvement.department"));
        departments.setId("raise-department");
        departments.setItems(directory.allDepartments());
        departments.setItemLabelGenerator(Department::name);
        departments.setRequiredIndicatorVisible(true);
        var owner = new ComboBox<Person>(t("improvement.owner"));
        owner.setId("raise-owner");
        owner.setItemLabelGenerator(p -> p.name() + " (" + p.employeeId() + ")");
        owner.setRequiredIndicatorVisible(true);
        owner.setItems(query -> {
            String filter = query.getFilter().filter(f -> !f.isBlank()).orElse(null);
            var chosen = departments.getValue();
            return chosen == null ? java.util.stream.Stream.empty() : directory.people(new PersonFilter(filter,
                    chosen.id(), null, null, true), GridPaging.startingAt(query.getOffset()), query.getLimit()).stream();
        });
        departments.addValueChangeListener(change -> {
            owner.clear();
            owner.getDataProvider().refreshAll();
        });
        if (department != null) {
            directory.allDepartments().stream().filter(d -> d.id().equals(department)).findFirst()
                    .ifPresent(departments::setValue);
        }
        var due = new DatePicker(t("improvement.dueDate"));
        due.setId("raise-due");
        LocalDate today = LocalDate.ofInstant(clock.instant(), CompanyTime.zone());
        due.setMin(today);
        due.setMax(today.plusDays(ImprovementService.MAX_DAYS_AHEAD));
        due.setHelperText(t("improvement.dueDate.help", ImprovementService.DEFAULT_WORKING_DAYS));
        var origin = Texts.muted(t("improvement.source." + source)
                + (ref == null || ref.number() == null ? "" : " · " + ref.number()));
        origin.setId("raise-source");
        List<Component> fieldList = new java.util.ArrayList<>(List.of(origin, title, description, departments, owner,
                due));
        fieldList.addAll(extra);
        Dialog dialog = StepDialogs.form(page, t("improvement.raise"), fieldList.toArray(Component[]::new));
        var submission = IdempotencyKey.random();
        ImprovementAction[] result = new ImprovementAction[1];
        Map<String, HasValidation> fields = Map.of("title", title, "description", description, "departmentId",
                departments, "ownerEmployeeId", owner, "dueDate", due);
        StepDialogs.footer(dialog, "raise-save", () -> StepDialogs.run(() -> result[0] = raise.raise(
                new RaiseImprovement(source, ref, title.getValue(), description.getValue(),
                        departments.getValue() == null ? null : departments.getValue().id(),
                        owner.getValue() == null ? null : owner.getValue().employeeId(), due.getValue(), null),
                submission), dialog, () -> raised.accept(result[0]), fields));
    }

    private static String t(String key, Object... args) {
        return UI.getCurrent().getTranslation(key, args);
    }
}
