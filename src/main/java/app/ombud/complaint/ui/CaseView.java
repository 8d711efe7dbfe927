package app.ombud.complaint.ui;

import static app.ombud.platform.ui.Texts.entry;
import static app.ombud.platform.ui.Texts.muted;

import app.ombud.complaint.CaseNote;
import app.ombud.complaint.CaseStatus;
import app.ombud.complaint.CaseStep;
import app.ombud.complaint.ComplaintCase;
import app.ombud.complaint.ComplaintService;
import app.ombud.complaint.Evidence;
import app.ombud.complaint.Feedback;
import app.ombud.complaint.ResolutionPlan;
import app.ombud.complaint.TimelineEntry;
import app.ombud.directory.Department;
import app.ombud.directory.DirectoryService;
import app.ombud.directory.Person;
import app.ombud.directory.PersonFilter;
import app.ombud.directory.Team;
import app.ombud.platform.OmbudException;
import app.ombud.platform.TextInput.Kind;
import app.ombud.platform.ui.CompanyTime;
import app.ombud.platform.ui.DateLimits;
import app.ombud.platform.ui.GridPaging;
import app.ombud.platform.ui.RouteIds;
import app.ombud.platform.ui.StepDialogs;
import app.ombud.platform.ui.Texts;
import app.ombud.platform.ui.Toasts;
import app.ombud.policy.LevelRule;
import app.ombud.policy.LocalizedText;
import app.ombud.policy.PolicyService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;

/**
 * One case: its facts, grade and deadlines, the timeline and what was written on it, and the
 * buttons for exactly the steps its status allows. The service still decides whether this
 * person may take a step; a refusal is shown as its translated message.
 */
@Route("cases/:id")
@PermitAll
public class CaseView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ComplaintService cases;
    private final DirectoryService directory;
    private final Clock clock;
    private final ObjectProvider<CaseAction> extraActions;
    private final PolicyService policy;
    /** The criteria of each policy version read for this page, by code. */
    private final Map<Integer, Map<String, LocalizedText>> criteria = new HashMap<>();
    private final TimelineText texts = new TimelineText(this::getTranslation, this::criterion);
    private ComplaintCase current;

    public CaseView(ComplaintService cases, DirectoryService directory, Clock clock,
            ObjectProvider<CaseAction> extraActions, PolicyService policy) {
        this.cases = cases;
        this.directory = directory;
        this.clock = clock;
        this.extraActions = extraActions;
        this.policy = policy;
        addClassName("ombud-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        RouteIds.show(event, this, "case-refused", id -> show(cases.get(id)));
    }

    /** The case as it is now in the store. */
    ComplaintCase current() {
        return current;
    }

    private void reload() {
        show(cases.get(current.id()));
    }

    private void show(ComplaintCase c) {
        current = c;
        removeAll();
        var steps = cases.allowedSteps(c.id());
        var headline = Texts.headline("case", c.number() + " · " + c.subject(), t("case.status." + c.status()),
                CaseBadges.level(c.grade().level()), CaseBadges.urgent(c), CaseBadges.due(c, clock.instant()));
        add(headline, actions(c, steps), facts(c), sections(c, steps));
    }

    // ---- header and facts ----------------------------------------------------------------

    private Component facts(ComplaintCase c) {
        var form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2),
                new FormLayout.ResponsiveStep("70em", 3));
        var grade = c.grade();
        form.addFormItem(new Span(t("case.level.value", grade.level())), t("case.level"));
        var suggested = new Span(t("case.grade.suggested", grade.suggestedLevel(),
                texts.criteria(grade.policyVersion(), grade.matchedCriteria()), String.valueOf(grade.policyVersion())));
        suggested.setId("case-grade");
        form.addFormItem(suggested, t("case.grade"));
        if (grade.overridden()) {
            form.addFormItem(new Span(t("case.grade.overridden", grade.overriddenBy(), grade.overrideReason())),
                    t("case.grade.override"));
        }
        form.addFormItem(new Span(t("case.channel." + c.channel())), t("case.channel"));
        form.addFormItem(new Span(t("case.category." + c.category())), t("case.category"));
        form.addFormItem(new Span(CompanyTime.time(c.receivedAt())), t("case.received"));
        var customer = c.customer();
        form.addFormItem(new Span(join(" / ", customer.name(), customer.phone(), customer.account())),
                t("case.customer"));
        form.addFormItem(new Span(c.flags().stream().map(f -> t("case.flag." + f)).collect(Collectors.joining("、"))),
                t("case.flags"));
        form.addFormItem(new Span(c.compensationAsked() == null ? "" : c.compensationAsked().toPlainString()),
                t("case.compensation"));
        var deadlines = c.deadlines();
        if (deadlines != null) {
            form.addFormItem(new Span(CompanyTime.time(deadlines.acknowledgeDue())), t("case.due.acknowledge"));
            form.addFormItem(new Span(CompanyTime.time(deadlines.resolutionDue())), t("case.due"));
        }
        form.addFormItem(new Span(c.assignment() == null ? t("case.unassigned") : assignment(c)), t("case.assignment"));
        form.addFormItem(new Span(String.valueOf(c.repeatCount())), t("case.repeatCount"));
        form.addFormItem(new Span(String.valueOf(c.reworkCount())), t("case.reworkCount"));
        if (c.escalation() != null) {
            var link = new Anchor("escalations/" + c.escalation().id(), c.escalation().number());
            link.setId("case-escalation");
            form.addFormItem(link, t("case.escalation"));
        }
        if (c.validity() != null) {
            form.addFormItem(new Span(t(c.validity().valid() ? "case.valid" : "case.invalid") + ": "
                    + c.validity().reason()), t("case.validity"));
        }
        var description = new Paragraph(c.description() == null ? "" : c.description());
        description.addClassName("ombud-pre");
        form.add(description, 3);
        return form;
    }

    private String assignment(ComplaintCase c) {
        var a = c.assignment();
        String department = safe(() -> directory.department(a.departmentId()).name());
        String team = a.teamId() == null ? null : safe(() -> directory.team(a.teamId()).name());
        String owner = a.ownerEmployeeId() == null ? null : personName(a.ownerEmployeeId());
        return join(" / ", department, team, owner) + (a.handler() == null ? "" : " (" + t("case.handler." + a.handler())
                + ")");
    }

    private String personName(String employeeId) {
        return directory.personByEmployeeId(employeeId).map(p -> p.name() + " " + p.employeeId()).orElse(employeeId);
    }

    private static String safe(Supplier<String> read) {
        try {
            return read.get();
        } catch (OmbudException e) {
            return "";
        }
    }

    private static String join(String separator, String... parts) {
        List<String> present = new ArrayList<>();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                present.add(part);
            }
        }
        return String.join(separator, present);
    }

    // ---- sections ------------------------------------------------------------------------

    private Component sections(ComplaintCase c, Set<CaseStep> steps) {
        var tabs = new TabSheet();
        tabs.setWidthFull();

        var timeline = new Grid<TimelineEntry>();
        timeline.setId("case-timeline");
        timeline.addColumn(e -> CompanyTime.time(e.at())).setHeader(t("case.timeline.when")).setKey("when")
                .setAutoWidth(true);
        timeline.addColumn(texts::who).setHeader(t("case.timeline.who")).setKey("who").setAutoWidth(true);
        timeline.addColumn(texts::what).setHeader(t("case.timeline.what")).setKey("what").setAutoWidth(true);
        timeline.addColumn(texts::why).setHeader(t("case.timeline.why")).setKey("why").setFlexGrow(2);
        timeline.setItems(c.timeline());
        timeline.setAllRowsVisible(true);
        tabs.add(t("case.timeline"), timeline);

        var notes = new VerticalLayout();
        notes.setPadding(false);
        if (c.notes().isEmpty()) {
            notes.add(muted(t("case.notes.none")));
        }
        for (CaseNote note : c.notes()) {
            notes.add(entry(CompanyTime.time(note.at()) + " · " + note.by() + " · " + t("case.noteKind." + note.kind()),
                    note.text()));
        }
        tabs.add(t("case.notes"), notes);

        var plan = new VerticalLayout();
        plan.setPadding(false);
        if (c.plan() == null) {
            plan.add(muted(t("case.plan.none")));
        } else {
            var p = c.plan();
            plan.add(entry(t("case.plan.owner") + ": " + personName(p.ownerEmployeeId()) + " · " + t("case.plan.due")
                    + ": " + CompanyTime.time(p.due()), p.description()));
            for (var remedy : p.remedies()) {
                plan.add(new Span("• " + t("case.remedy." + remedy.type())
                        + (remedy.amount() == null ? "" : " ¥" + remedy.amount().toPlainString())
                        + (remedy.note() == null ? "" : " — " + remedy.note())));
            }
        }
        tabs.add(t("case.plan"), plan);

        var feedback = new VerticalLayout();
        feedback.setPadding(false);
        if (c.feedback().isEmpty()) {
            feedback.add(muted(t("case.feedback.none")));
        }
        for (Feedback f : c.feedback()) {
            String answer = f.accepted() == null ? t("case.feedback.waiting")
                    : t(f.accepted() ? "case.feedback.accepted" : "case.feedback.rejected")
                            + (f.satisfaction() == null ? "" : " · " + t("case.feedback.satisfaction") + " "
                                    + f.satisfaction())
                            + (f.comment() == null ? "" : " · " + f.comment());
            feedback.add(entry(CompanyTime.time(f.sentAt()) + " · " + t("case.resultChannel." + f.channel()) + " · "
                    + answer, f.result()));
        }
        tabs.add(t("case.feedback"), feedback);
        tabs.add(t("case.evidence"), evidence(c, steps));
        return tabs;
    }

    /** A criterion's text in the reader's language, from the policy version that graded; its code if unknown. */
    private String criterion(int policyVersion, String code) {
        var known = criteria.computeIfAbsent(policyVersion, number -> {
            try {
                return policy.version(number).content().grading().levels().stream()
                        .flatMap(level -> level.criteria().stream()).filter(c -> c.text() != null)
                        .collect(Collectors.toMap(c -> c.code(), c -> c.text(), (a, b) -> a));
            } catch (OmbudException e) {
                return Map.of();
            }
        });
        var text = known.get(code);
        return text == null ? code : text.in(getLocale());
    }

    /** The case's evidence files: download links for everyone who sees the case, upload for its handlers. */
    private Component evidence(ComplaintCase c, Set<CaseStep> steps) {
        var box = new VerticalLayout();
        box.setPadding(false);
        box.setId("case-evidence");
        var grid = new Grid<Evidence>();
        boolean downloadable = !app.ombud.platform.PersonalData.hiddenFrom(app.ombud.platform.CurrentActor.get());
        grid.addComponentColumn(e -> {
            if (!downloadable) {
                return new Span(e.filename());
            }
            var link = new com.vaadin.flow.component.html.Anchor(
                    com.vaadin.flow.server.streams.DownloadHandler.fromInputStream(event -> {
                        var file = cases.evidenceFile(c.id(), e.fileId());
                        return new com.vaadin.flow.server.streams.DownloadResponse(file.content(),
                                file.evidence().filename(), file.evidence().contentType(), file.evidence().size());
                    }), e.filename());
            link.setDownload(true);
            return link;
        }).setHeader(t("case.evidence.file")).setFlexGrow(2);
        grid.addColumn(e -> (e.size() + 1023) / 1024 + " KB").setHeader(t("case.evidence.size")).setAutoWidth(true);
        grid.addColumn(e -> personName(e.uploadedBy())).setHeader(t("case.evidence.by")).setAutoWidth(true);
        grid.addColumn(e -> CompanyTime.time(e.uploadedAt())).setHeader(t("case.evidence.at")).setAutoWidth(true);
        grid.setItems(c.evidence());
        grid.setAllRowsVisible(true);
        if (c.evidence().isEmpty()) {
            box.add(muted(t("case.evidence.none")));
        } else {
            box.add(grid);
        }
        if (steps.contains(CaseStep.ATTACH_EVIDENCE)) {
            var upload = new com.vaadin.flow.component.upload.Upload(
                    com.vaadin.flow.server.streams.UploadHandler.inMemory((metadata, bytes) -> {
                        // the upload request carries the person's security context; the UI is
                        // updated afterwards under its own lock
                        OmbudException refused = null;
                        try {
                            cases.attachEvidence(c.id(), metadata.fileName(), bytes, c.version());
                        } catch (OmbudException e) {
                            refused = e;
                        }
                        OmbudException error = refused;
                        getUI().ifPresent(ui -> ui.access(() -> {
                            if (error == null) {
                                Toasts.success(t("common.saved"));
                                reload();
                            } else {
                                Toasts.error(error);
                            }
                        }));
                    }));
            upload.setId("evidence-upload");
            app.ombud.platform.ui.Uploads.localized(upload);
            upload.setMaxFileSize(10 * 1024 * 1024);
            upload.setAcceptedFileTypes(ComplaintService.EVIDENCE_TYPES.keySet().stream().map(x -> "." + x)
                    .toArray(String[]::new));
            upload.addFileRejectedListener(event -> Toasts.error(t("case.evidence.rejected")));
            box.add(new Span(t("case.evidence.hint")), upload);
        }
        return box;
    }

    // ---- actions -------------------------------------------------------------------------

    private Component actions(ComplaintCase c, Set<CaseStep> steps) {
        var bar = new HorizontalLayout();
        bar.addClassName("ombud-toolbar");
        bar.setId("case-actions");
        CaseStatus s = c.status();
        if (steps.contains(CaseStep.DISPATCH)) {
            bar.add(button("action-dispatch", s == CaseStatus.NEW ? "case.dispatch" : "case.redispatch",
                    this::openDispatch));
        }
        if (steps.contains(CaseStep.ACKNOWLEDGE)) {
            bar.add(button("action-acknowledge", "case.acknowledge",
                    () -> act(() -> cases.acknowledge(c.id(), c.version()), null)));
        }
        if (steps.contains(CaseStep.PLAN)) {
            bar.add(button("action-plan", c.plan() == null ? "case.plan.make" : "case.plan.remake", this::openPlan));
        }
        if (steps.contains(CaseStep.SEND_RESULT)) {
            bar.add(button("action-result", "case.result.send", this::openResult));
        }
        if (steps.contains(CaseStep.RECORD_ANSWER)) {
            bar.add(button("action-answer", "case.answer", this::openAnswer));
        }
        if (steps.contains(CaseStep.ADD_NOTE)) {
            bar.add(button("action-note", "case.note.add", this::openNote));
        }
        if (steps.contains(CaseStep.DECIDE_VALIDITY)) {
            bar.add(button("action-validity", "case.validity.decide", this::openValidity));
        }
        if (steps.contains(CaseStep.CLOSE_INVALID)) {
            bar.add(button("action-close-invalid", "case.closeInvalid", this::openCloseInvalid));
        }
        if (steps.contains(CaseStep.OVERRIDE_LEVEL)) {
            bar.add(button("action-override", "case.grade.override", this::openOverride));
        }
        if (steps.contains(CaseStep.ARCHIVE)) {
            bar.add(button("action-archive", "case.archive", this::confirmArchive));
        }
        extraActions.orderedStream().forEach(extra -> extra.create(c, this::reload).ifPresent(bar::add));
        return bar;
    }

    private Button button(String id, String label, Runnable open) {
        return StepDialogs.button(id, t(label), open);
    }

    private void act(Supplier<ComplaintCase> step, Dialog dialog) {
        StepDialogs.run(step, dialog, this::reload);
    }

    private Dialog dialog(String title, Component... content) {
        return StepDialogs.form(this, t(title), content);
    }

    private void footer(Dialog dialog, String id, Runnable save) {
        StepDialogs.footer(dialog, id, save);
    }

    private ComboBox<Person> personPicker(String label, Supplier<UUID> department) {
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

    private void openDispatch() {
        var c = current;
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
    private void confirmArchive() {
        var c = current;
        var confirm = new ConfirmDialog(t("case.archive.confirm.title", c.number()), t("case.archive.confirm.text"),
                t("case.archive"), event -> act(() -> cases.archive(c.id(), c.version()), null));
        confirm.setCancelable(true);
        confirm.setCancelText(t("common.cancel"));
        confirm.setId("archive-confirm");
        add(confirm);
        confirm.open();
    }

    private void openOverride() {
        var c = current;
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

    private void openNote() {
        var c = current;
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

    private void openPlan() {
        var c = current;
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

    private void openResult() {
        var c = current;
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

    private void openAnswer() {
        var c = current;
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

    private void openValidity() {
        var c = current;
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

    private void openCloseInvalid() {
        var c = current;
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
        return getTranslation(key, args);
    }

    @Override
    public String getPageTitle() {
        return current == null ? t("case.title") : current.number();
    }
}
