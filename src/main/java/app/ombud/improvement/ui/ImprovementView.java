package app.ombud.improvement.ui;

import static app.ombud.platform.ui.Texts.entry;
import static app.ombud.platform.ui.Texts.muted;

import app.ombud.directory.DirectoryService;
import app.ombud.improvement.ImprovementAction;
import app.ombud.improvement.ImprovementEntry;
import app.ombud.improvement.ImprovementService;
import app.ombud.improvement.ImprovementStep;
import app.ombud.improvement.ProgressReport;
import app.ombud.improvement.Retest;
import app.ombud.improvement.SourceRef;
import app.ombud.improvement.VerificationResult;
import app.ombud.platform.Actor;
import app.ombud.platform.OmbudException;
import app.ombud.platform.TextInput.Kind;
import app.ombud.platform.ui.CompanyTime;
import app.ombud.platform.ui.PeriodLabels;
import app.ombud.platform.ui.RecordPage;
import app.ombud.platform.ui.StepDialogs;
import app.ombud.platform.ui.Texts;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One improvement action: where it comes from, what to improve, who owns it and by when, the
 * re-test it requires with its results, the owner's progress reports, the verifications and the
 * timeline; and a button for each step the service allows this person now ({@code allowedSteps}).
 */
@Route("improvements/:id")
@PermitAll
public class ImprovementView extends RecordPage<ImprovementAction, ImprovementStep> {

    private final ImprovementService improvements;
    private final DirectoryService directory;
    private final Clock clock;

    public ImprovementView(ImprovementService improvements, DirectoryService directory, Clock clock) {
        super("improvement", ImprovementStep.class, "nav.improvements.mine");
        this.improvements = improvements;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    protected ImprovementAction load(UUID id) {
        return improvements.get(id);
    }

    @Override
    protected UUID idOf(ImprovementAction a) {
        return a.id();
    }

    @Override
    protected String numberOf(ImprovementAction a) {
        return a.number();
    }

    @Override
    protected Set<ImprovementStep> allowedSteps(ImprovementAction a) {
        return a.allowedSteps();
    }

    @Override
    protected Component headline(ImprovementAction a) {
        var badge = ImprovementListView.overdueBadge(a);
        badge.setId("improvement-overdue");
        return Texts.headline("improvement", a.number() + " " + a.title(), t("improvement.status." + a.status()),
                badge);
    }

    @Override
    protected void content(ImprovementAction a, Set<ImprovementStep> allowed) {
        add(facts(a), entry(t("improvement.description"), a.description()));
        if (a.retest() != null) {
            add(new H3(t("improvement.retest")), retest(a.retest()));
        }
        add(new H3(t("improvement.progress")));
        if (a.progress().isEmpty()) {
            add(muted(t("improvement.progress.none")));
        }
        for (ProgressReport report : a.progress()) {
            add(entry(CompanyTime.time(report.at()) + " · " + name(report.by()), report.text()));
        }
        if (a.completionSummary() != null) {
            add(entry(t("improvement.summary"), a.completionSummary()));
        }
        if (!a.verifications().isEmpty()) {
            add(new H3(t("improvement.verifications")));
            for (VerificationResult v : a.verifications()) {
                add(entry(CompanyTime.time(v.at()) + " · " + name(v.by()) + " · "
                        + t(v.effective() ? "improvement.verify.effective" : "improvement.verify.notEffective")
                        + (v.newDueDate() == null ? "" : " · " + t("improvement.dueDate") + " " + v.newDueDate()),
                        v.reason()));
            }
        }
        if (a.cancelReason() != null) {
            add(entry(t("improvement.cancelReason"), a.cancelReason()));
        }
        add(new H3(t("improvement.timeline")), timeline(a));
    }

    private Component facts(ImprovementAction a) {
        var form = new FormLayout();
        form.addFormItem(source(a), t("improvement.source"));
        form.addFormItem(new Span(department(a.departmentId())), t("improvement.department"));
        var owner = new Span(name(a.ownerEmployeeId()));
        owner.setId("improvement-owner");
        form.addFormItem(owner, t("improvement.owner"));
        var due = new Span(a.dueDate().toString());
        due.setId("improvement-due");
        form.addFormItem(due, t("improvement.dueDate"));
        form.addFormItem(new Span(CompanyTime.time(a.raisedAt()) + " · " + name(a.raisedBy())),
                t("improvement.raisedAt"));
        if (a.reopenCount() > 0) {
            form.addFormItem(new Span(Integer.toString(a.reopenCount())), t("improvement.reopenCount"));
        }
        return form;
    }

    /** The source, and its record: a link to the case or the review page, otherwise its number. */
    private Component source(ImprovementAction a) {
        var box = new Span(t("improvement.source." + a.source()));
        SourceRef ref = a.sourceRef();
        if (ref != null) {
            String label = ref.number() != null ? ref.number() : ref.id() == null ? "" : ref.id().toString();
            if ("WeakSpot".equals(ref.type())) {
                label = weakSpot(label);
            }
            String page = ref.id() == null ? null : switch (ref.type() == null ? "" : ref.type()) {
                case "ComplaintCase" -> "cases/" + ref.id();
                case "Review" -> "reviews/" + ref.id();
                default -> null;
            };
            Component record = page == null ? new Span(label) : new Anchor(page, label);
            record.setId("improvement-source-record");
            box.add(new Span(" · "), record);
        }
        return box;
    }

    /**
     * A weak spot's label as the test-call module stores it, "group MEASURE period" (e.g. {@code 一组
     * RINGS_BEFORE_ANSWER 2026-12}), in words: 一组 · 接通前响铃次数 · 2026年12月. Any other text stays as it is.
     */
    private String weakSpot(String label) {
        String[] parts = label.split(" ");
        if (parts.length < 3 || !parts[parts.length - 2].matches("[A-Z][A-Z_]*")) {
            return label;
        }
        String key = "calltest.measure." + parts[parts.length - 2];
        String measure = t(key);
        if (measure.contains(key)) {
            return label;
        }
        String group = String.join(" ", java.util.Arrays.copyOf(parts, parts.length - 2));
        return group + " · " + measure + " · " + PeriodLabels.of(parts[parts.length - 1]);
    }

    private Component retest(Retest retest) {
        var grid = new Grid<Retest.Result>();
        grid.setId("improvement-retests");
        grid.addColumn(r -> CompanyTime.time(r.at())).setHeader(t("case.timeline.when")).setAutoWidth(true);
        grid.addColumn(Retest.Result::testCallRef).setHeader(t("improvement.retest.call")).setAutoWidth(true);
        grid.addColumn(r -> t(r.passed() ? "improvement.retest.passed" : "improvement.retest.failed"))
                .setHeader(t("improvement.retest.result")).setAutoWidth(true);
        grid.setItems(retest.results());
        grid.setAllRowsVisible(true);
        var box = new com.vaadin.flow.component.html.Div(muted(t("improvement.retest.scenario", retest.scenarioRef(),
                team(retest.teamId()))), grid);
        return box;
    }

    private Grid<ImprovementEntry> timeline(ImprovementAction a) {
        var grid = new Grid<ImprovementEntry>();
        grid.setId("improvement-timeline");
        grid.addColumn(x -> CompanyTime.time(x.at())).setHeader(t("case.timeline.when")).setAutoWidth(true);
        grid.addColumn(x -> name(x.actor())).setHeader(t("case.timeline.who")).setAutoWidth(true);
        grid.addColumn(x -> {
            String label = t("improvement.timeline." + x.action());
            return x.to() == null ? label : label + " → " + t("improvement.status." + x.to());
        }).setHeader(t("case.timeline.what")).setAutoWidth(true);
        grid.addColumn(this::details).setHeader(t("case.timeline.why")).setFlexGrow(2);
        grid.setItems(a.timeline());
        grid.setAllRowsVisible(true);
        return grid;
    }

    /** The entry's codes and values in the reader's language, then the text a person wrote. */
    String details(ImprovementEntry x) {
        var args = x.args();
        String coded = switch (x.action()) {
            case "raised" -> args.size() < 2 ? null : t("improvement.source." + args.get(0)) + " · "
                    + t("improvement.dueDate") + " " + args.get(1);
            case "reopened", "overdue" -> args.isEmpty() ? null : t("improvement.dueDate") + " " + args.getFirst();
            case "retest-recorded" -> args.size() < 2 ? null : args.get(0) + " · "
                    + t("PASSED".equals(args.get(1)) ? "improvement.retest.passed" : "improvement.retest.failed");
            default -> null;
        };
        String note = x.note() == null ? "" : x.note();
        return coded == null ? note : note.isEmpty() ? coded : coded + " · " + note;
    }

    private String department(UUID id) {
        try {
            return id == null ? "" : directory.department(id).name();
        } catch (OmbudException e) {
            return "";
        }
    }

    private String team(UUID id) {
        try {
            return id == null ? "" : directory.team(id).name();
        } catch (OmbudException e) {
            return id.toString();
        }
    }

    /** A person's name and employee ID; Ombud itself by its label. */
    private String name(String employeeId) {
        if (employeeId == null) {
            return "";
        }
        if (Actor.SYSTEM.key().equals(employeeId)) {
            return t("improvement.timeline.system");
        }
        return directory.personByEmployeeId(employeeId).map(p -> p.name() + " " + p.employeeId()).orElse(employeeId);
    }

    // ---- steps -------------------------------------------------------------------------

    @Override
    protected StepButton button(ImprovementStep step, ImprovementAction a) {
        return switch (step) {
            case REPORT_PROGRESS -> new StepButton("action-progress", "improvement.progress.add", this::openProgress);
            case SUBMIT_FOR_VERIFICATION -> new StepButton("action-submit", "improvement.submit", this::openSubmit);
            case VERIFY -> new StepButton("action-verify", "improvement.verify", this::openVerify);
            case CANCEL -> new StepButton("action-cancel", "improvement.cancel", this::openCancel);
        };
    }

    private TextArea area(String label, String id) {
        var area = new TextArea(t(label));
        area.setId(id);
        area.setMaxLength(Kind.TEXT.maxLength());
        return area;
    }

    private void openProgress() {
        var a = current();
        var text = area("improvement.progress.text", "progress-text");
        Dialog dialog = StepDialogs.form(this, t("improvement.progress.add"), text);
        StepDialogs.footer(dialog, "progress-save", () -> act(() -> improvements.reportProgress(a.id(),
                text.getValue(), a.version()), dialog, Map.of("text", text)));
    }

    private void openSubmit() {
        var a = current();
        var summary = area("improvement.summary", "submit-summary");
        Dialog dialog = StepDialogs.form(this, t("improvement.submit"), summary);
        StepDialogs.footer(dialog, "submit-save", () -> act(() -> improvements.submitForVerification(a.id(),
                summary.getValue(), a.version()), dialog, Map.of("summary", summary)));
    }

    /** Effective or not; when not, the reason and the new due date (empty: the default working days). */
    private void openVerify() {
        var a = current();
        var effective = new RadioButtonGroup<Boolean>(t("improvement.verify"));
        effective.setItems(true, false);
        effective.setItemLabelGenerator(v -> t(v ? "improvement.verify.effective" : "improvement.verify.notEffective"));
        effective.setValue(true);
        effective.setId("verify-effective");
        var reason = area("improvement.verify.reason", "verify-reason");
        var due = new DatePicker(t("improvement.verify.newDueDate"));
        due.setId("verify-due");
        LocalDate today = LocalDate.ofInstant(clock.instant(), CompanyTime.zone());
        due.setMin(today);
        due.setMax(today.plusDays(ImprovementService.MAX_DAYS_AHEAD));
        due.setHelperText(t("improvement.dueDate.help", ImprovementService.DEFAULT_WORKING_DAYS));
        due.setVisible(false);
        effective.addValueChangeListener(change -> due.setVisible(Boolean.FALSE.equals(change.getValue())));
        Dialog dialog = StepDialogs.form(this, t("improvement.verify"), effective, reason, due);
        StepDialogs.footer(dialog, "verify-save", () -> act(() -> improvements.verify(a.id(),
                !Boolean.FALSE.equals(effective.getValue()), reason.getValue(), due.getValue(), a.version()), dialog,
                Map.of("reason", reason, "newDueDate", due)));
    }

    private void openCancel() {
        var a = current();
        var reason = area("improvement.cancelReason", "cancel-reason");
        Dialog dialog = StepDialogs.form(this, t("improvement.cancel"), reason);
        StepDialogs.footer(dialog, "cancel-save", () -> act(() -> improvements.cancel(a.id(), reason.getValue(),
                a.version()), dialog, Map.of("reason", reason)));
    }

    private String t(String key, Object... args) {
        return getTranslation(key, args);
    }
}
