package app.ombud.escalation.ui;

import static app.ombud.platform.ui.Texts.entry;
import static app.ombud.platform.ui.Texts.muted;

import app.ombud.complaint.Feedback;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.Person;
import app.ombud.directory.PersonFilter;
import app.ombud.escalation.Escalation;
import app.ombud.escalation.EscalationEntry;
import app.ombud.escalation.EscalationService;
import app.ombud.escalation.EscalationStep;
import app.ombud.escalation.EscalationTrigger;
import app.ombud.escalation.Meeting;
import app.ombud.escalation.PlanStep;
import app.ombud.escalation.TaskForce;
import app.ombud.platform.Actor;
import app.ombud.platform.OmbudException;
import app.ombud.platform.TextInput.Kind;
import app.ombud.platform.ui.CompanyTime;
import app.ombud.platform.ui.DateLimits;
import app.ombud.platform.ui.GridPaging;
import app.ombud.platform.ui.RecordPage;
import app.ombud.platform.ui.StepDialogs;
import app.ombud.platform.ui.Texts;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One escalation (task-force page): the application form, the superior's decision, the task
 * force with its plan, meetings and report, the result and the evaluation, the timeline; and a
 * button for each step the service allows this person now ({@code allowedSteps}).
 */
@Route("escalations/:id")
@PermitAll
public class EscalationView extends RecordPage<Escalation, EscalationStep> {

    private final Clock clock;
    private final EscalationService escalations;
    private final DirectoryService directory;

    public EscalationView(EscalationService escalations, DirectoryService directory, Clock clock) {
        super("escalation", EscalationStep.class, "nav.escalations");
        this.clock = clock;
        this.escalations = escalations;
        this.directory = directory;
    }

    @Override
    protected Escalation load(UUID id) {
        return escalations.get(id);
    }

    @Override
    protected UUID idOf(Escalation e) {
        return e.id();
    }

    @Override
    protected String numberOf(Escalation e) {
        return e.number();
    }

    @Override
    protected Set<EscalationStep> allowedSteps(Escalation e) {
        return e.allowedSteps();
    }

    @Override
    protected Component headline(Escalation e) {
        return Texts.headline("escalation", e.number(), t("escalation.status." + e.status()),
                EscalationQueueView.overdueBadge(e));
    }

    @Override
    protected void content(Escalation e, Set<EscalationStep> allowed) {
        add(facts(e));
        add(new H3(t("escalation.form")));
        var form = e.form();
        add(entry(t("escalation.form.situation"), form.situation()), entry(t("escalation.form.progress"),
                form.progress()), entry(t("escalation.form.whyUnsolved"), form.whyUnsolved()),
                entry(t("escalation.form.proposal"), form.proposal()));
        if (e.decision() != null) {
            add(new H3(t("escalation.decision")), entry(CompanyTime.time(e.decision().at()) + " · "
                    + name(e.decision().by()) + " · " + t(e.decision().approved() ? "escalation.approved" : "escalation.rejected"),
                    e.decision().reason()));
        }
        if (e.taskForce() != null) {
            add(new H3(t("escalation.taskForce")), new Paragraph(t("escalation.taskForce.lead") + ": "
                    + name(e.taskForce().leadEmployeeId()) + (e.taskForce().members().isEmpty() ? "" : " · "
                    + e.taskForce().members().stream().map(m -> name(m.employeeId()) + " (" + m.role() + ")")
                            .collect(Collectors.joining("、")))));
            add(new H3(t("escalation.steps")), steps(e));
            add(new H3(t("escalation.meetings")));
            if (e.meetings().isEmpty()) {
                add(muted(t("escalation.meetings.none")));
            }
            for (Meeting m : e.meetings()) {
                add(entry(CompanyTime.time(m.at()) + " · " + m.attendees().stream().map(this::name)
                        .collect(Collectors.joining("、")), m.minutes()));
            }
        }
        if (e.report() != null) {
            var r = e.report();
            add(new H3(t("escalation.report")), entry(t("escalation.report.process"), r.process()),
                    entry(t("escalation.report.result"), r.result()),
                    new Paragraph(t("escalation.report.satisfaction") + ": "
                            + (r.customerSatisfaction() == null ? "" : r.customerSatisfaction())
                            + (r.reviewedAt() == null ? "" : " · " + t("escalation.report.reviewed") + " "
                                    + CompanyTime.time(r.reviewedAt()) + (r.reviewNote() == null ? "" : ": "
                                    + r.reviewNote()))));
        }
        if (e.resultSentAt() != null) {
            add(new H3(t("escalation.result")), entry(CompanyTime.time(e.resultSentAt())
                    + (e.resultChannel() == null ? "" : " · " + t("case.resultChannel." + e.resultChannel()))
                    + (e.customerAccepted() == null ? "" : " · " + t(e.customerAccepted() ? "case.feedback.accepted"
                            : "case.feedback.rejected")), e.resultText()));
        }
        if (e.evaluation() != null) {
            add(new H3(t("escalation.evaluation")), entry(t("escalation.evaluation.score") + ": "
                    + e.evaluation().score(), e.evaluation().comment()));
        }
        add(new H3(t("escalation.timeline")), timeline(e));
    }

    private Component facts(Escalation e) {
        var form = new FormLayout();
        var caseLink = new Anchor("cases/" + e.caseId(), e.caseNumber());
        caseLink.setId("escalation-case");
        form.addFormItem(caseLink, t("escalation.case"));
        form.addFormItem(new Span(t("escalation.trigger." + e.trigger())
                + (e.automatic() ? " (" + t("escalation.automatic") + ")" : "")), t("escalation.trigger"));
        form.addFormItem(new Span(CompanyTime.time(e.raisedAt()) + " · " + name(e.raisedBy())), t("escalation.raisedAt"));
        form.addFormItem(new Span(CompanyTime.time(e.reviewDue())), t("escalation.reviewDue"));
        form.addFormItem(new Span(department(e.fromDepartmentId())), t("escalation.from"));
        form.addFormItem(new Span(department(e.toDepartmentId())), t("escalation.to"));
        return form;
    }

    private Grid<PlanStep> steps(Escalation e) {
        var grid = new Grid<PlanStep>();
        grid.setId("escalation-steps");
        grid.addColumn(PlanStep::title).setHeader(t("escalation.step.title")).setFlexGrow(2);
        grid.addColumn(s -> name(s.ownerEmployeeId())).setHeader(t("escalation.step.owner")).setAutoWidth(true);
        grid.addColumn(s -> CompanyTime.time(s.due())).setHeader(t("escalation.step.due")).setAutoWidth(true);
        grid.addColumn(s -> s.done() ? t("escalation.step.done") + " " + CompanyTime.time(s.doneAt()) : "")
                .setHeader(t("escalation.status")).setAutoWidth(true);
        grid.addComponentColumn(s -> {
            var done = new Button(t("escalation.step.complete"),
                    click -> act(() -> escalations.completeStep(e.id(), s.id(), e.version())));
            done.addThemeVariants(ButtonVariant.LUMO_SMALL);
            done.setVisible(!s.done() && e.allows(EscalationStep.COMPLETE_STEP));
            return done;
        }).setKey("complete").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(e.steps());
        grid.setAllRowsVisible(true);
        return grid;
    }

    private Grid<EscalationEntry> timeline(Escalation e) {
        var grid = new Grid<EscalationEntry>();
        grid.setId("escalation-timeline");
        grid.addColumn(x -> CompanyTime.time(x.at())).setHeader(t("case.timeline.when")).setAutoWidth(true);
        grid.addColumn(x -> name(x.actor())).setHeader(t("case.timeline.who")).setAutoWidth(true);
        grid.addColumn(x -> {
            String label = getTranslation("escalation.action." + x.action());
            label = label.startsWith("!{") ? x.action() : label;
            return x.to() == null ? label : label + " → " + t("escalation.status." + x.to());
        }).setHeader(t("case.timeline.what")).setAutoWidth(true);
        grid.addColumn(this::details).setHeader(t("case.timeline.why")).setFlexGrow(2);
        grid.setItems(e.timeline());
        grid.setAllRowsVisible(true);
        return grid;
    }

    /**
     * The entry's details in the reader's language: its codes and values ({@code args}) as labels,
     * then the text a person wrote ({@code note}). An entry stored before {@code args} shows its
     * note (a submission's note was its trigger's code).
     */
    private String details(EscalationEntry x) {
        var args = x.args();
        String coded = switch (x.action()) {
            case "submitted" -> args.isEmpty() ? null : t("escalation.trigger." + args.getFirst());
            case "task-force-formed" -> args.size() < 2 ? null
                    : t("escalation.timeline.taskForce", name(args.get(0)), args.get(1));
            case "meeting" -> args.isEmpty() ? null : t("escalation.timeline.meeting",
                    CompanyTime.time(Instant.parse(args.getFirst())));
            case "result-sent" -> args.isEmpty() ? null : args.stream().map(a -> switch (a) {
                case "ACCEPTED" -> t("case.feedback.accepted");
                case "REJECTED" -> t("case.feedback.rejected");
                default -> t("case.resultChannel." + a);
            }).collect(Collectors.joining(" · "));
            case "evaluated-closed" -> args.isEmpty() ? null : t("escalation.timeline.score", args.getFirst());
            default -> null;
        };
        String note = x.note() == null ? "" : "submitted".equals(x.action()) && args.isEmpty()
                && Arrays.stream(EscalationTrigger.values()).anyMatch(trigger -> trigger.name().equals(x.note()))
                        ? t("escalation.trigger." + x.note()) : x.note();
        return coded == null ? note : note.isEmpty() ? coded : coded + " · " + note;
    }

    private String department(UUID id) {
        if (id == null) {
            return "";
        }
        try {
            return directory.department(id).name();
        } catch (OmbudException ex) {
            return "";
        }
    }

    /** A person's name and employee ID; Ombud itself (the jobs) by its label. */
    private String name(String employeeId) {
        if (employeeId == null) {
            return "";
        }
        if (Actor.SYSTEM.key().equals(employeeId)) {
            return t("escalation.timeline.system");
        }
        return directory.personByEmployeeId(employeeId).map(p -> p.name() + " " + p.employeeId()).orElse(employeeId);
    }

    // ---- actions -------------------------------------------------------------------------

    /** The bar's button of each step the service allows this person now ({@code allowedSteps}). */
    @Override
    protected StepButton button(EscalationStep step, Escalation e) {
        return switch (step) {
            case REVIEW -> new StepButton("action-review", "escalation.review", this::openReview);
            case FORM_TASK_FORCE -> new StepButton("action-task-force", "escalation.taskForce.form",
                    this::openTaskForce);
            case ADD_STEP -> new StepButton("action-step", "escalation.step.add", this::openStep);
            case RECORD_MEETING -> new StepButton("action-meeting", "escalation.meeting.add", this::openMeeting);
            case SUBMIT_REPORT -> new StepButton("action-report", "escalation.report.submit", this::openReport);
            case REVIEW_REPORT -> new StepButton("action-report-review", "escalation.report.review",
                    this::openReportReview);
            case SEND_RESULT -> new StepButton("action-result", "escalation.result.send", this::openResult);
            case EVALUATE -> new StepButton("action-evaluate", "escalation.evaluate", this::openEvaluate);
            case COMPLETE_STEP -> null; // a button on each open step of the plan
        };
    }

    private Dialog dialog(String title, Component... content) {
        return StepDialogs.form(this, t(title), content);
    }

    private void footer(Dialog dialog, String id, Runnable save) {
        StepDialogs.footer(dialog, id, save);
    }

    private ComboBox<Person> personPicker(String label, UUID department) {
        var picker = new ComboBox<Person>(t(label));
        picker.setItemLabelGenerator(p -> p.name() + " (" + p.employeeId() + ")");
        picker.setItems(query -> {
            String filter = query.getFilter().filter(f -> !f.isBlank()).orElse(null);
            return directory.people(new PersonFilter(filter, department, null, null, true),
                    GridPaging.startingAt(query.getOffset()), query.getLimit()).stream();
        });
        picker.setClearButtonVisible(true);
        return picker;
    }

    private RadioButtonGroup<Boolean> yesNo(String label, String yes, String no, String id) {
        var group = new RadioButtonGroup<Boolean>(t(label));
        group.setItems(true, false);
        group.setItemLabelGenerator(v -> t(v ? yes : no));
        group.setValue(true);
        group.setId(id);
        return group;
    }

    private static TextArea area(String label, String id, VerticalLayout view) {
        var area = new TextArea(view.getTranslation(label));
        area.setId(id);
        area.setMaxLength(Kind.TEXT.maxLength());
        return area;
    }

    private void openReview() {
        var e = current();
        var approve = yesNo("escalation.review", "escalation.approve", "escalation.reject", "review-approve");
        var reason = area("escalation.reason", "review-reason", this);
        var dialog = dialog("escalation.review", approve, reason);
        footer(dialog, "review-save", () -> act(() -> escalations.review(e.id(), Boolean.TRUE.equals(
                approve.getValue()), reason.getValue(), e.version()), dialog, Map.of("reason", reason)));
    }

    /** The lead from the superior department, members with roles from any department (one per line: picker + role). */
    private void openTaskForce() {
        var e = current();
        var lead = personPicker("escalation.taskForce.lead", e.toDepartmentId());
        lead.setId("taskforce-lead");
        var members = new MultiSelectComboBox<Person>(t("escalation.taskForce.members"));
        members.setItemLabelGenerator(p -> p.name() + " (" + p.employeeId() + ")");
        members.setItems(query -> {
            String filter = query.getFilter().filter(f -> !f.isBlank()).orElse(null);
            return directory.people(new PersonFilter(filter, null, null, null, true),
                    GridPaging.startingAt(query.getOffset()), query.getLimit()).stream();
        });
        members.setId("taskforce-members");
        var roles = new VerticalLayout();
        roles.setPadding(false);
        Map<String, TextField> roleFields = new LinkedHashMap<>();
        members.addValueChangeListener(change -> {
            roles.removeAll();
            roleFields.clear();
            for (Person p : change.getValue()) {
                var role = new TextField(t("escalation.taskForce.role", p.name()));
                role.setMaxLength(Kind.NAME.maxLength());
                role.setId("taskforce-role-" + p.employeeId());
                roleFields.put(p.employeeId(), role);
                roles.add(role);
            }
        });
        var dialog = dialog("escalation.taskForce.form", lead, members, roles);
        footer(dialog, "taskforce-save", () -> act(() -> escalations.formTaskForce(e.id(), new TaskForce(
                lead.getValue() == null ? null : lead.getValue().employeeId(),
                roleFields.entrySet().stream().map(m -> new TaskForce.Member(m.getKey(), m.getValue().getValue()))
                        .toList()), e.version()), dialog, Map.of("leadEmployeeId", lead, "members", members)));
    }

    private void openStep() {
        var e = current();
        var title = new TextField(t("escalation.step.title"));
        title.setId("step-title");
        title.setMaxLength(Kind.LINE.maxLength());
        var owner = personPicker("escalation.step.owner", null);
        owner.setId("step-owner");
        var due = new DateTimePicker(t("escalation.step.due"));
        due.setId("step-due");
        DateLimits.future(due, clock, EscalationService.MAX_SPAN);
        var dialog = dialog("escalation.step.add", title, owner, due);
        footer(dialog, "step-save", () -> act(() -> escalations.addStep(e.id(), title.getValue(),
                owner.getValue() == null ? null : owner.getValue().employeeId(), instant(due.getValue()),
                e.version()), dialog, Map.of("title", title, "ownerEmployeeId", owner, "due", due)));
    }

    private void openMeeting() {
        var e = current();
        var at = new DateTimePicker(t("escalation.meeting.at"));
        at.setId("meeting-at");
        DateLimits.past(at, clock, EscalationService.MAX_SPAN);
        var attendees = new TextField(t("escalation.meeting.attendees"));
        attendees.setHelperText(t("escalation.meeting.attendees.help"));
        attendees.setId("meeting-attendees");
        var minutes = area("escalation.meeting.minutes", "meeting-minutes", this);
        var dialog = dialog("escalation.meeting.add", at, attendees, minutes);
        footer(dialog, "meeting-save", () -> act(() -> escalations.recordMeeting(e.id(), instant(at.getValue()),
                Arrays.stream(attendees.getValue().split("[,，、\\s]+")).filter(s -> !s.isBlank()).toList(),
                minutes.getValue(), e.version()), dialog, Map.of("at", at, "attendees", attendees, "minutes", minutes)));
    }

    private void openReport() {
        var e = current();
        var process = area("escalation.report.process", "report-process", this);
        var result = area("escalation.report.result", "report-result", this);
        var satisfaction = score("escalation.report.satisfaction", "report-satisfaction");
        var dialog = dialog("escalation.report.submit", process, result, satisfaction);
        footer(dialog, "report-save", () -> act(() -> escalations.submitReport(e.id(), process.getValue(),
                result.getValue(), satisfaction.getValue(), e.version()), dialog, Map.of("process", process,
                "result", result, "customerSatisfaction", satisfaction)));
    }

    private void openReportReview() {
        var e = current();
        var approve = yesNo("escalation.report.review", "escalation.approve", "escalation.report.sendBack",
                "report-approve");
        var note = area("escalation.reason", "report-note", this);
        var dialog = dialog("escalation.report.review", approve, note);
        footer(dialog, "report-review-save", () -> act(() -> escalations.reviewReport(e.id(), Boolean.TRUE.equals(
                approve.getValue()), note.getValue(), e.version()), dialog, Map.of("note", note)));
    }

    /** What was told, how, and — when the customer answered — their answer (nothing preselected). */
    private void openResult() {
        var e = current();
        var text = area("escalation.result", "result-text", this);
        var channel = new com.vaadin.flow.component.select.Select<Feedback.ResultChannel>();
        channel.setLabel(t("case.resultChannel"));
        channel.setItems(Feedback.ResultChannel.values());
        channel.setItemLabelGenerator(c -> t("case.resultChannel." + c));
        channel.setValue(Feedback.ResultChannel.CALLBACK);
        channel.setId("result-channel");
        var accepted = new RadioButtonGroup<Boolean>(t("escalation.result.accepted"));
        accepted.setItems(true, false);
        accepted.setItemLabelGenerator(v -> t(v ? "case.feedback.accepted" : "case.feedback.rejected"));
        accepted.setHelperText(t("escalation.result.accepted.help"));
        accepted.setId("result-accepted");
        var dialog = dialog("escalation.result.send", text, channel, accepted);
        footer(dialog, "result-save", () -> act(() -> escalations.sendResult(e.id(), text.getValue(),
                channel.getValue(), accepted.getValue(), e.version()), dialog, Map.of("text", text)));
    }

    private void openEvaluate() {
        var e = current();
        var score = score("escalation.evaluation.score", "evaluate-score");
        var comment = area("escalation.evaluation.comment", "evaluate-comment", this);
        comment.setMaxLength(Kind.NOTE.maxLength());
        var dialog = dialog("escalation.evaluate", score, comment);
        footer(dialog, "evaluate-save", () -> act(() -> escalations.evaluate(e.id(),
                score.getValue() == null ? 0 : score.getValue(), comment.getValue(), e.version()), dialog,
                Map.of("score", score, "comment", comment)));
    }

    private IntegerField score(String label, String id) {
        var field = new IntegerField(t(label));
        field.setMin(1);
        field.setMax(5);
        field.setStepButtonsVisible(true);
        field.setId(id);
        return field;
    }

    private static Instant instant(LocalDateTime local) {
        return local == null ? null : local.atZone(CompanyTime.zone()).toInstant();
    }

    private String t(String key, Object... args) {
        return getTranslation(key, args);
    }

}
