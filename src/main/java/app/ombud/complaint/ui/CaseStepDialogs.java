package app.ombud.complaint.ui;

import app.ombud.complaint.CaseNote;
import app.ombud.complaint.ComplaintCase;
import app.ombud.complaint.ComplaintService;
import app.ombud.complaint.Feedback;
import app.ombud.complaint.ResolutionPlan;
import app.ombud.directory.Department;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.Person;
import app.ombud.directory.PersonFilter;
import app.ombud.directory.Team;
import app.ombud.platform.TextInput.Kind;
import app.ombud.platform.ui.CompanyTime;
import app.ombud.platform.ui.DateLimits;
import app.ombud.platform.ui.GridPaging;
import app.ombud.platform.ui.StepDialogs;
import app.ombud.platform.ui.Texts;
import app.ombud.policy.LevelRule;
import app.ombud.policy.PolicyService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The step dialogs of the case page: dispatch, plan, result, the customer's answer, note,
 * validity, closing as invalid, level override and archive. Each calls one command of
 * {@link ComplaintService}; the page reloads the case after it (and on a concurrent change).
 */
final class CaseStepDialogs {

    private final CaseView view;
    private final ComplaintService cases;
    private final DirectoryService directory;
    private final PolicyService policy;
    private final Clock clock;
    private final Runnable reload;

    CaseStepDialogs(CaseView view, ComplaintService cases, DirectoryService directory, PolicyService policy,
            Clock clock, Runnable reload) {
        this.view = view;
        this.cases = cases;
        this.directory = directory;
        this.policy = policy;
        this.clock = clock;
        this.reload = reload;
    }

    void act(Supplier<ComplaintCase> step, Dialog dialog) {
        StepDialogs.run(step, dialog, reload);
    }

    Dialog dialog(String title, Component... content) {
        return StepDialogs.form(view, t(title), content);
    }

    void footer(Dialog dialog, String id, Runnable save) {
        StepDialogs.footer(dialog, id, save);
    }

    ComboBox<Person> personPicker(String label, Supplier<UUID> department) {
        var picker = new ComboBox<Person>(t(label));
        picker.setItemLabelGenerator(p -> p.name() + " (" + p.employeeId() + ")");
        picker.setItems(query -> {
            String filter = query.getFilter().filter(f -> !f.isBlank()).orElse(null);
            return directory.people(new PersonFilter(filter, department.get(), null, null, true),
                    GridPaging.startingAt(query.getOffset()), query.getLimit()).stream();
        });
        picker.setClearButtonVisible(true);
        return picker;
    }

    void openDispatch() {
        var c = view.current();
        var department = new ComboBox<Department>(t("case.department"));
        department.setItems(directory.allDepartments());
        department.setItemLabelGenerator(Department::name);
        department.setId("dispatch-department");
        department.setRequiredIndicatorVisible(true);
        var team = new ComboBox<Team>(t("case.team"));
        team.setItemLabelGenerator(Team::name);
        team.setId("dispatch-team");
        team.setClearButtonVisible(true);
        var owner = personPicker("case.owner", () -> department.getValue() == null ? null : department.getValue().id());
        owner.setId("dispatch-owner");
        department.addValueChangeListener(change -> {
            team.clear();
            owner.clear();
            team.setItems(change.getValue() == null ? List.of() : directory.teamsOf(change.getValue().id()));
        });
        var note = new TextArea(t("case.dispatch.note"));
        note.setMaxLength(Kind.NOTE.maxLength());
        note.setId("dispatch-note");
        var dialog = dialog("case.dispatch", department, team, owner, note);
        footer(dialog, "dispatch-save", () -> act(() -> cases.dispatch(c.id(),
                department.getValue() == null ? null : department.getValue().id(),
                team.getValue() == null ? null : team.getValue().id(),
                owner.getValue() == null ? null : owner.getValue().employeeId(), note.getValue(), c.version()), dialog));
    }

    /** Archiving ends the case's life: the person confirms it first. */
    void confirmArchive() {
        var c = view.current();
        var confirm = new ConfirmDialog(t("case.archive.confirm.title", c.number()), t("case.archive.confirm.text"),
                t("case.archive"), event -> act(() -> cases.archive(c.id(), c.version()), null));
        confirm.setCancelable(true);
        confirm.setCancelText(t("common.cancel"));
        confirm.setId("archive-confirm");
        view.add(confirm);
        confirm.open();
    }

    void openOverride() {
        var c = view.current();
        var level = new Select<Integer>();
        level.setLabel(t("case.level"));
        // the policy's levels but the one in force (the service refuses the same one: LEVEL_UNCHANGED)
        level.setItems(policy.current().content().grading().levels().stream().map(LevelRule::level)
                .filter(l -> l != c.grade().level()).toList());
        level.setItemLabelGenerator(l -> t("case.level.value", l));
        level.setId("override-level");
        var reason = new TextArea(t("case.reason"));
        reason.setId("override-reason");
        reason.setMaxLength(Kind.NOTE.maxLength());
        var dialog = dialog("case.grade.override", level, reason);
        footer(dialog, "override-save", () -> act(() -> cases.overrideLevel(c.id(),
                level.getValue() == null ? 0 : level.getValue(), reason.getValue(), c.version()), dialog));
    }

    void openNote() {
        var c = view.current();
        var kind = new Select<CaseNote.Kind>();
        kind.setLabel(t("case.noteKind"));
        kind.setItems(CaseNote.Kind.values());
        kind.setItemLabelGenerator(k -> t("case.noteKind." + k));
        kind.setValue(CaseNote.Kind.INVESTIGATION);
        kind.setId("note-kind");
        var text = new TextArea(t("case.note.text"));
        text.setMaxLength(Kind.TEXT.maxLength());
        text.setId("note-text");
        var dialog = dialog("case.note.add", kind, text);
        footer(dialog, "note-save", () -> act(() -> cases.addNote(c.id(), kind.getValue(), text.getValue(),
                c.version()), dialog));
    }

    void openPlan() {
        var c = view.current();
        var remedies = new MultiSelectComboBox<ResolutionPlan.Type>(t("case.plan.remedies"));
        remedies.setItems(ResolutionPlan.Type.values());
        remedies.setItemLabelGenerator(r -> t("case.remedy." + r));
        remedies.setId("plan-remedies");
        var amount = new BigDecimalField(t("case.plan.amount"));
        amount.setId("plan-amount");
        amount.setEnabled(false);
        remedies.addValueChangeListener(change -> amount.setEnabled(
                change.getValue().contains(ResolutionPlan.Type.COMPENSATION)));
        var owner = personPicker("case.plan.owner", () -> null);
        owner.setId("plan-owner");
        var due = new DateTimePicker(t("case.plan.due"));
        due.setId("plan-due");
        DateLimits.future(due, clock, ComplaintService.MAX_PLAN_AHEAD);
        // a re-plan keeps the plan's due time while it is ahead; a rework gets a new one from the policy
        due.setValue(LocalDateTime.ofInstant(cases.suggestedPlanDue(c.id()), CompanyTime.zone()).withSecond(0)
                .withNano(0));
        var description = new TextArea(t("case.plan.description"));
        description.setMaxLength(Kind.NOTE.maxLength());
        description.setId("plan-description");
        if (c.plan() != null) {
            remedies.setValue(c.plan().remedies().stream().map(ResolutionPlan.Remedy::type).collect(Collectors.toSet()));
            c.plan().remedies().stream().filter(r -> r.amount() != null).findFirst()
                    .ifPresent(r -> amount.setValue(r.amount()));
            directory.personByEmployeeId(c.plan().ownerEmployeeId()).ifPresent(owner::setValue);
            description.setValue(c.plan().description() == null ? "" : c.plan().description());
        } else {
            // owned by the case's owner or by me
            String ownerId = c.assignment() != null && c.assignment().ownerEmployeeId() != null
                    ? c.assignment().ownerEmployeeId() : app.ombud.platform.CurrentActor.get().employeeId();
            if (ownerId != null) {
                directory.personByEmployeeId(ownerId).ifPresent(owner::setValue);
            }
        }
        var dialog = dialog("case.plan.make", remedies, amount, owner, due, description);
        footer(dialog, "plan-save", () -> act(() -> {
            var chosen = remedies.getValue().stream().sorted().map(type -> new ResolutionPlan.Remedy(type,
                    type == ResolutionPlan.Type.COMPENSATION ? amount.getValue() : null, null)).toList();
            var plan = new ResolutionPlan(chosen, owner.getValue() == null ? null : owner.getValue().employeeId(),
                    instant(due.getValue()), description.getValue());
            return cases.planResolution(c.id(), plan, c.version());
        }, dialog));
    }

    void openResult() {
        var c = view.current();
        var channel = new Select<Feedback.ResultChannel>();
        channel.setLabel(t("case.resultChannel"));
        channel.setItems(Feedback.ResultChannel.values());
        channel.setItemLabelGenerator(r -> t("case.resultChannel." + r));
        channel.setValue(Feedback.ResultChannel.CALLBACK);
        channel.setId("result-channel");
        var text = new TextArea(t("case.result.text"));
        text.setMaxLength(Kind.NOTE.maxLength());
        text.setId("result-text");
        var dialog = dialog("case.result.send", channel, text);
        footer(dialog, "result-save", () -> act(() -> cases.sendResult(c.id(), channel.getValue(), text.getValue(),
                c.version()), dialog));
    }

    void openAnswer() {
        var c = view.current();
        var accepted = new RadioButtonGroup<Boolean>(t("case.answer.accepted"));
        accepted.setItems(true, false);
        accepted.setItemLabelGenerator(a -> t(a ? "case.feedback.accepted" : "case.feedback.rejected"));
        // no preselection: the person records what the customer said
        accepted.setRequiredIndicatorVisible(true);
        accepted.setId("answer-accepted");
        var satisfaction = new IntegerField(t("case.feedback.satisfaction"));
        satisfaction.setMin(1);
        satisfaction.setMax(5);
        satisfaction.setStepButtonsVisible(true);
        satisfaction.setId("answer-satisfaction");
        var comment = new TextArea(t("case.answer.comment"));
        comment.setMaxLength(Kind.NOTE.maxLength());
        comment.setId("answer-comment");
        var dialog = dialog("case.answer", accepted, satisfaction, comment);
        footer(dialog, "answer-save", () -> {
            if (accepted.getValue() == null) {
                accepted.setErrorMessage(t("case.answer.choose"));
                accepted.setInvalid(true);
                return;
            }
            act(() -> cases.recordAnswer(c.id(), accepted.getValue(), satisfaction.getValue(), comment.getValue(),
                    c.version()), dialog);
        });
    }

    void openValidity() {
        var c = view.current();
        var valid = new RadioButtonGroup<Boolean>(t("case.validity"));
        valid.setItems(true, false);
        valid.setItemLabelGenerator(v -> t(v ? "case.valid" : "case.invalid"));
        valid.setValue(true);
        valid.setId("validity-valid");
        var reason = new TextArea(t("case.reason"));
        reason.setId("validity-reason");
        reason.setMaxLength(Kind.NOTE.maxLength());
        var dialog = dialog("case.validity.decide", valid, reason);
        footer(dialog, "validity-save", () -> act(() -> cases.decideValidity(c.id(), Boolean.TRUE.equals(
                valid.getValue()), reason.getValue(), c.version()), dialog));
    }

    void openCloseInvalid() {
        var c = view.current();
        var explanation = new TextArea(t("case.closeInvalid.explanation"));
        explanation.setMaxLength(Kind.NOTE.maxLength());
        explanation.setId("close-explanation");
        var dialog = dialog("case.closeInvalid", explanation);
        footer(dialog, "close-save", () -> act(() -> cases.closeAsInvalid(c.id(), explanation.getValue(),
                c.version()), dialog));
    }

    private static java.time.Instant instant(LocalDateTime local) {
        return local == null ? null : local.atZone(CompanyTime.zone()).toInstant();
    }

    private String t(String key, Object... args) {
        return view.getTranslation(key, args);
    }
}
