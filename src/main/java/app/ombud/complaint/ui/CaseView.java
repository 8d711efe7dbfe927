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
import app.ombud.complaint.TimelineEntry;
import app.ombud.directory.DirectoryService;
import app.ombud.platform.OmbudException;
import app.ombud.platform.ui.CompanyTime;
import app.ombud.platform.ui.RecordPage;
import app.ombud.platform.ui.Texts;
import app.ombud.platform.ui.Toasts;
import app.ombud.policy.LocalizedText;
import app.ombud.policy.PolicyService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
public class CaseView extends RecordPage<ComplaintCase, CaseStep> {

    private final ComplaintService cases;
    private final DirectoryService directory;
    private final Clock clock;
    private final ObjectProvider<CaseAction> extraActions;
    private final PolicyService policy;
    /** The criteria of each policy version read for this page, by code. */
    private final Map<Integer, Map<String, LocalizedText>> criteria = new HashMap<>();
    private final TimelineText texts = new TimelineText(this::getTranslation, this::criterion);
    private final CaseStepDialogs dialogs;

    public CaseView(ComplaintService cases, DirectoryService directory, Clock clock,
            ObjectProvider<CaseAction> extraActions, PolicyService policy) {
        super("case", CaseStep.class, "case.title");
        this.cases = cases;
        this.directory = directory;
        this.clock = clock;
        this.extraActions = extraActions;
        this.policy = policy;
        this.dialogs = new CaseStepDialogs(this, cases, directory, policy, clock, this::reload);
    }

    @Override
    protected ComplaintCase load(java.util.UUID id) {
        return cases.get(id);
    }

    @Override
    protected java.util.UUID idOf(ComplaintCase c) {
        return c.id();
    }

    @Override
    protected String numberOf(ComplaintCase c) {
        return c.number();
    }

    @Override
    protected Set<CaseStep> allowedSteps(ComplaintCase c) {
        return cases.allowedSteps(c.id());
    }

    @Override
    protected Component headline(ComplaintCase c) {
        return Texts.headline("case", c.number() + " · " + c.subject(), t("case.status." + c.status()),
                CaseBadges.level(c.grade().level()), CaseBadges.urgent(c), CaseBadges.due(c, clock.instant()));
    }

    @Override
    protected void content(ComplaintCase c, Set<CaseStep> steps) {
        add(facts(c), sections(c, steps));
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

    @Override
    protected StepButton button(CaseStep step, ComplaintCase c) {
        return switch (step) {
            case DISPATCH -> new StepButton("action-dispatch", c.status() == CaseStatus.NEW ? "case.dispatch"
                    : "case.redispatch", dialogs::openDispatch);
            case ACKNOWLEDGE -> new StepButton("action-acknowledge", "case.acknowledge",
                    () -> act(() -> cases.acknowledge(c.id(), c.version())));
            case PLAN -> new StepButton("action-plan", c.plan() == null ? "case.plan.make" : "case.plan.remake",
                    dialogs::openPlan);
            case SEND_RESULT -> new StepButton("action-result", "case.result.send", dialogs::openResult);
            case RECORD_ANSWER -> new StepButton("action-answer", "case.answer", dialogs::openAnswer);
            case ADD_NOTE -> new StepButton("action-note", "case.note.add", dialogs::openNote);
            case DECIDE_VALIDITY -> new StepButton("action-validity", "case.validity.decide", dialogs::openValidity);
            case CLOSE_INVALID -> new StepButton("action-close-invalid", "case.closeInvalid",
                    dialogs::openCloseInvalid);
            case OVERRIDE_LEVEL -> new StepButton("action-override", "case.grade.override", dialogs::openOverride);
            case ARCHIVE -> new StepButton("action-archive", "case.archive", dialogs::confirmArchive);
            case ATTACH_EVIDENCE -> null; // the upload on the evidence tab
        };
    }

    @Override
    protected List<Component> extraButtons(ComplaintCase c) {
        List<Component> extra = new ArrayList<>();
        extraActions.orderedStream().forEach(action -> action.create(c, this::reload).ifPresent(extra::add));
        return extra;
    }

    private String t(String key, Object... args) {
        return getTranslation(key, args);
    }
}
