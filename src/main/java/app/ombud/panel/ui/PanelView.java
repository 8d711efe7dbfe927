package app.ombud.panel.ui;

import app.ombud.directory.DirectoryService;
import app.ombud.directory.Person;
import app.ombud.panel.Choice;
import app.ombud.panel.Panel;
import app.ombud.panel.PanelEntry;
import app.ombud.panel.PanelService;
import app.ombud.panel.PanelSide;
import app.ombud.panel.PanelStatus;
import app.ombud.panel.PanelStep;
import app.ombud.panel.Seat;
import app.ombud.panel.SiteManagerDecision;
import app.ombud.platform.Actor;
import app.ombud.platform.OmbudException;
import app.ombud.platform.TextInput.Kind;
import app.ombud.platform.ui.GridPaging;
import app.ombud.platform.ui.RecordPage;
import app.ombud.platform.ui.Texts;
import app.ombud.platform.ui.Toasts;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One dispute panel (DESIGN.md §5): the question, the disputed review, the seats by side, how
 * many have voted and until when. A member who has not voted gets the secret ballot; right after
 * casting, the receipt is shown once. After closing: the outcome, the final decision and the
 * sorted receipts, with a check for one's own. Nothing on this page ever shows a choice or a
 * count by choice while the panel votes, or who has voted — the service does not tell it either.
 */
@Route("panels/:id")
@PermitAll
public class PanelView extends RecordPage<Panel, PanelStep> {

    private final PanelService panels;
    private final DirectoryService directory;
    /**
     * The receipt of the ballot just cast here. It lives only in this view instance: Ombud keeps
     * no link between member and receipt, so once the member leaves the page it is gone.
     */
    private String receipt;

    public PanelView(PanelService panels, DirectoryService directory) {
        super("panel", PanelStep.class, "nav.panels");
        this.panels = panels;
        this.directory = directory;
    }

    @Override
    protected void entering() {
        receipt = null;
    }

    @Override
    protected Panel load(UUID id) {
        return panels.get(id);
    }

    @Override
    protected UUID idOf(Panel p) {
        return p.id();
    }

    @Override
    protected String numberOf(Panel p) {
        return p.number();
    }

    @Override
    protected Set<PanelStep> allowedSteps(Panel p) {
        return p.allowedSteps();
    }

    @Override
    protected Component headline(Panel p) {
        return Texts.headline("panel", p.number(), t("panel.status." + p.status()));
    }

    /** Both steps are forms on the page (the ballot, the site manager's decision), not buttons. */
    @Override
    protected StepButton button(PanelStep step, Panel p) {
        return null;
    }

    @Override
    protected void content(Panel p, Set<PanelStep> allowed) {
        if (receipt != null) {
            add(receiptBox());
        }
        // a panel decides whether a disputed verdict stands: asked in the reader's language, not the stored text
        add(entry("panel-question", t("panel.page.question"), t("panel.page.questionText", p.subjectNumber())),
                facts(p), members(p));
        if (p.status() == PanelStatus.VOTING) {
            if (allowed.contains(PanelStep.CAST)) {
                add(ballot(p));
            } else if (p.viewerHasVoted()) {
                var voted = new Paragraph(t("panel.page.votedAlready"));
                voted.addClassName("ombud-notice");
                voted.setId("panel-voted-already");
                add(voted);
            }
        } else {
            add(outcome(p), receipts(p));
        }
        if (allowed.contains(PanelStep.DECIDE_AS_SITE_MANAGER)) {
            add(decision(p));
        }
        add(new H3(t("panel.page.timeline")), timeline(p));
    }

    /** Formed, closed, decided — each entry's codes in the reader's language. */
    private Component timeline(Panel p) {
        var grid = new Grid<PanelEntry>();
        grid.addColumn(e -> GridPaging.time(e.at())).setHeader(t("case.timeline.when")).setAutoWidth(true);
        grid.addColumn(e -> Actor.SYSTEM.subject().equals(e.actor()) ? t("panel.timeline.system")
                : e.actorName() == null ? e.actor() : e.actorName()).setHeader(t("case.timeline.who"))
                .setAutoWidth(true);
        grid.addColumn(e -> t("panel.timeline." + e.action())).setHeader(t("case.timeline.what")).setAutoWidth(true);
        grid.addColumn(this::details).setHeader(t("case.timeline.why")).setFlexGrow(1);
        grid.setItems(p.timeline());
        grid.setAllRowsVisible(true);
        grid.setId("panel-timeline");
        return grid;
    }

    private String details(PanelEntry entry) {
        if ("closed".equals(entry.action()) && entry.args().size() == 2) {
            return t("panel.timeline.closedDetails", t("panel.closeReason." + entry.args().get(0)),
                    t("panel.outcome." + entry.args().get(1)));
        }
        return entry.note() == null ? "" : entry.note();
    }

    // ---- what everyone who may see the panel sees ---------------------------------------

    private Component facts(Panel p) {
        var form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        var review = new Anchor("reviews/" + p.subjectId(), p.subjectNumber());
        review.setId("panel-subject");
        form.addFormItem(review, t("panel.page.subject"));
        var voted = new Span(t("panel.page.voted", p.votedCount(), p.seatCount()));
        voted.setId("panel-voted");
        form.addFormItem(voted, t("panel.page.votedLabel"));
        form.addFormItem(new Span(GridPaging.time(p.openedAt())), t("panel.page.openedAt"));
        var closes = new Span(GridPaging.time(p.closesAt()));
        closes.setId("panel-closes-at");
        form.addFormItem(closes, t("panel.page.closesAt"));
        form.addFormItem(new Span(t("panel.page.quorumValue", p.quorum())), t("panel.page.quorum"));
        return form;
    }

    /** The seats by side: public. Nothing here says who has voted. */
    private Component members(Panel p) {
        Map<String, Person> people = directory.peopleByEmployeeIds(p.seats().stream().map(Seat::employeeId).toList());
        var box = new Div(new H3(t("panel.page.members")));
        box.setId("panel-members");
        for (PanelSide side : PanelSide.values()) {
            String names = p.seats().stream().filter(s -> s.side() == side)
                    .map(s -> name(people.get(s.employeeId()), s.employeeId())).collect(Collectors.joining("、"));
            var members = new Span(names);
            members.setId("panel-members-" + side);
            box.add(entry(t("panel.side." + side), members));
        }
        var secrecy = new Paragraph(t("panel.page.secrecy"));
        secrecy.addClassName("ombud-muted");
        box.add(secrecy);
        return box;
    }

    private static String name(Person person, String employeeId) {
        return person == null ? employeeId : person.name() + " " + employeeId;
    }

    // ---- the ballot ---------------------------------------------------------------------

    private Component ballot(Panel p) {
        // the heading labels the choice; a second visible label would repeat it
        var choice = new RadioButtonGroup<Choice>();
        choice.setAriaLabel(t("panel.page.ballot"));
        choice.setItems(Choice.values());
        choice.setItemLabelGenerator(c -> t("panel.choice." + c));
        choice.setHelperText(t("panel.page.ballot.help"));
        choice.setId("ballot-choice");
        var cast = new Button(t("panel.page.cast"), click -> confirmCast(p, choice));
        cast.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        cast.setId("ballot-cast");
        var form = new VerticalLayout(new H3(t("panel.page.ballot")), choice, cast);
        form.setPadding(false);
        form.setId("ballot-form");
        return form;
    }

    private void confirmCast(Panel p, RadioButtonGroup<Choice> choice) {
        Choice chosen = choice.getValue();
        if (chosen == null) {
            choice.setErrorMessage(t("common.required"));
            choice.setInvalid(true);
            return;
        }
        choice.setInvalid(false);
        var confirm = new ConfirmDialog(t("panel.page.confirm.title"),
                t("panel.page.confirm.text", t("panel.choice." + chosen)), t("panel.page.confirm.ok"),
                event -> cast(p.id(), chosen));
        confirm.setCancelable(true);
        confirm.setCancelText(t("common.cancel"));
        confirm.setId("ballot-confirm");
        confirm.open();
    }

    private void cast(UUID panelId, Choice chosen) {
        try {
            receipt = panels.cast(panelId, chosen).receipt();
            Toasts.success(t("panel.page.cast.done"));
        } catch (OmbudException e) {
            Toasts.error(e);
        }
        reload();
    }

    private Component receiptBox() {
        var code = new Div(receipt);
        code.addClassName("ombud-secret");
        code.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("letter-spacing", "0.1em");
        code.setId("ballot-receipt");
        String shown = receipt;
        var copy = new Button(t("panel.page.receipt.copy"), click -> copy(shown));
        copy.setId("ballot-receipt-copy");
        var row = new HorizontalLayout(code, copy);
        row.setAlignItems(Alignment.CENTER);
        var box = new Div(new H3(t("panel.page.receipt.title")), row, new Paragraph(t("panel.page.receipt.once")),
                new Paragraph(t("panel.page.receipt.later")));
        box.addClassName("ombud-notice");
        box.setId("ballot-receipt-box");
        return box;
    }

    private void copy(String text) {
        getElement().executeJs("return navigator.clipboard.writeText($0)", text).then(
                done -> Toasts.success(t("panel.page.receipt.copied")),
                failed -> Toasts.error(t("panel.page.receipt.notCopied")));
    }

    // ---- after closing ------------------------------------------------------------------

    private Component outcome(Panel p) {
        var form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        form.addFormItem(span("panel-outcome", t("panel.outcome." + p.outcome())), t("panel.page.outcome"));
        form.addFormItem(span("panel-close-reason", p.closeReason() == null ? ""
                : t("panel.closeReason." + p.closeReason())), t("panel.page.closeReason"));
        form.addFormItem(new Span(GridPaging.time(p.closedAt())), t("panel.page.closedAt"));
        if (p.finalDecision() != null) {
            form.addFormItem(span("panel-final", t("panel.choice." + p.finalDecision())), t("panel.page.final"));
            form.addFormItem(span("panel-decided-by", t("panel.decidedBy." + p.decidedBy())),
                    t("panel.page.decidedBy"));
            form.addFormItem(new Span(GridPaging.time(p.decidedAt())), t("panel.page.decidedAt"));
        }
        SiteManagerDecision manager = p.siteManagerDecision();
        if (manager != null) {
            form.addFormItem(new Span(manager.byName() == null ? manager.by() : manager.byName()),
                    t("panel.page.siteManager"));
        }
        var box = new Div(new H3(t("panel.page.outcome")), form);
        if (manager != null) {
            box.add(entry("panel-site-manager-reason", t("panel.page.siteManagerReason"), manager.reason()));
        }
        return box;
    }

    /** The counted receipts, sorted, so each member can find theirs; and a check for one receipt. */
    private Component receipts(Panel p) {
        List<String> sorted = p.receipts() == null ? List.of() : p.receipts().stream().sorted().toList();
        var list = new Div();
        list.setId("panel-receipts");
        if (sorted.isEmpty()) {
            list.add(new Span(t("panel.page.receipts.none")));
        }
        for (String counted : sorted) {
            var line = new Div(counted);
            line.addClassName("ombud-secret");
            list.add(line);
        }
        var help = new Paragraph(t("panel.page.receipts.help"));
        help.addClassName("ombud-muted");

        var field = new TextField(t("panel.page.check.field"));
        field.setPlaceholder("XXXX-XXXX-XXXX-XXXX");
        field.setClearButtonVisible(true);
        field.setId("receipt-check");
        var result = new Span();
        result.setId("receipt-check-result");
        var check = new Button(t("panel.page.check"), click -> {
            try {
                boolean counted = panels.receiptCounted(p.id(), field.getValue());
                result.setText(t(counted ? "panel.page.check.counted" : "panel.page.check.notFound"));
                result.setClassName("ombud-badge " + (counted ? "ombud-badge-status" : "ombud-badge-error"));
            } catch (OmbudException e) {
                Toasts.error(e);
            }
        });
        check.setId("receipt-check-button");
        var checkRow = new HorizontalLayout(field, check, result);
        checkRow.setAlignItems(Alignment.BASELINE);
        return new Div(new H3(t("panel.page.receipts")), help, list, new H3(t("panel.page.check")), checkRow);
    }

    /** The site manager's final decision on a panel that closed undecided; shown only when it is an allowed step. */
    private Component decision(Panel p) {
        var choice = new RadioButtonGroup<Choice>(t("panel.page.decide.choice"));
        choice.setItems(Choice.values());
        choice.setItemLabelGenerator(c -> t("panel.choice." + c));
        choice.setRequiredIndicatorVisible(true);
        choice.setId("decision-choice");
        var reason = new TextArea(t("panel.page.decide.reason"));
        reason.setRequiredIndicatorVisible(true);
        reason.setMaxLength(Kind.NOTE.maxLength());
        reason.setWidthFull();
        reason.setId("decision-reason");
        var save = new Button(t("panel.page.decide.save"), click -> decide(p, choice, reason));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("decision-save");
        var help = new Paragraph(t("panel.page.decide.help"));
        help.addClassName("ombud-muted");
        var form = new VerticalLayout(new H3(t("panel.page.decide")), help, choice, reason, save);
        form.setPadding(false);
        form.setId("decision-form");
        return form;
    }

    /** The site manager's decision; a refusal about the choice or the reason shows on that field. */
    private void decide(Panel p, RadioButtonGroup<Choice> choice, TextArea reason) {
        act(() -> panels.decideAsSiteManager(p.id(), choice.getValue(), reason.getValue(), p.version()), null,
                Map.of("decision", choice, "reason", reason));
    }

    // ---- small pieces -------------------------------------------------------------------

    private static Span span(String id, String text) {
        var span = new Span(text);
        span.setId(id);
        return span;
    }

    private static Div entry(String id, String heading, String text) {
        var body = new Div(text == null ? "" : text);
        body.addClassName("ombud-pre");
        if (id != null) {
            body.setId(id);
        }
        return entry(heading, body);
    }

    private static Div entry(String heading, Component body) {
        var head = new Div(heading);
        head.addClassName("ombud-muted");
        var box = new Div(head, body);
        box.addClassName("ombud-entry");
        return box;
    }

    private String t(String key, Object... args) {
        return getTranslation(key, args);
    }

}
