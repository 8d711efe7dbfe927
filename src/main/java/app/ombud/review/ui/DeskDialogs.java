package app.ombud.review.ui;

import app.ombud.platform.TextInput.Kind;
import app.ombud.platform.ui.StepDialogs;
import app.ombud.policy.PolicyService;
import app.ombud.policy.RoutingRule;
import app.ombud.review.ExplanationGap;
import app.ombud.review.ReturnReason;
import app.ombud.review.Review;
import app.ombud.review.ReviewDesk;
import app.ombud.review.ReviewStep;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;
import java.time.Clock;
import java.util.Map;

/** The review desk's steps: take, return to the team lead, route, verify, the call to the other side and its answer, judge (its own page). */
final class DeskDialogs extends ReviewDialogs {

    private final ReviewDesk desk;
    private final PolicyService policy;

    DeskDialogs(VerticalLayout page, ReviewDesk desk, PolicyService policy, Clock clock, Runnable reload) {
        super(page, clock, reload);
        this.desk = desk;
        this.policy = policy;
    }

    @Override
    void open(ReviewStep step, Review r) {
        switch (step) {
            case TAKE -> now(() -> desk.take(r.id(), r.version()));
            case RETURN_TO_LEAD -> openReturnToLead(r);
            case ROUTE -> openRoute(r);
            case VERIFY -> openVerify(r);
            case RECORD_SIDE_NOTICE -> openSideNotice(r);
            case RECORD_SIDE_ANSWER -> openSideAnswer(r);
            case JUDGE -> page.getUI().ifPresent(ui -> ui.navigate(JudgmentView.class,
                    new RouteParameters("id", r.id().toString())));
            default -> throw new IllegalArgumentException(step + " is not a step of this family");
        }
    }

    private void openReturnToLead(Review r) {
        var reason = new RadioButtonGroup<ReturnReason>(t("review.dialog.returnLead.reason"));
        reason.setItems(ReturnReason.values());
        reason.setItemLabelGenerator(x -> t("review.returnReason." + x));
        reason.setId("return-lead-reason");
        var gaps = new CheckboxGroup<ExplanationGap>(t("review.dialog.returnLead.gaps"));
        gaps.setItems(ExplanationGap.values());
        gaps.setItemLabelGenerator(x -> t("review.gap." + x));
        gaps.setId("return-lead-gaps");
        gaps.setVisible(false);
        // the gaps say what was missing when no explanation was given; out of scope has none
        reason.addValueChangeListener(change -> {
            boolean noExplanation = change.getValue() == ReturnReason.NO_EXPLANATION;
            gaps.setVisible(noExplanation);
            if (!noExplanation) {
                gaps.clear();
            }
        });
        var note = area("review.dialog.note", "return-lead-note");
        note.setMaxLength(Kind.NOTE.maxLength());
        var dialog = dialog(ReviewStep.RETURN_TO_LEAD, reason, gaps, note);
        StepDialogs.footer(dialog, "return-lead-save", () -> act(() -> desk.returnToLead(r.id(), reason.getValue(),
                gaps.getValue(), note.getValue(), r.version()), dialog,
                Map.of("reason", reason, "gaps", gaps, "note", note)));
    }

    private void openRoute(Review r) {
        var group = new Select<RoutingRule>();
        group.setLabel(t("review.dialog.route.group"));
        group.setItems(policy.current().content().routing().rules());
        group.setItemLabelGenerator(rule -> rule.name().in(locale()));
        group.setId("route-group");
        var dialog = dialog(ReviewStep.ROUTE, group);
        StepDialogs.footer(dialog, "route-save", () -> act(() -> desk.routeManually(r.id(),
                group.getValue() == null ? null : group.getValue().group(), r.version()), dialog,
                Map.of("group", group)));
    }

    private void openVerify(Review r) {
        var finding = area("review.dialog.verify.finding", "verify-finding");
        var recording = new TextField(t("review.dialog.verify.recording"));
        recording.setMaxLength(Kind.LINE.maxLength());
        recording.setId("verify-recording");
        if (r.verification() != null) {
            finding.setValue(r.verification().finding());
            recording.setValue(r.verification().recordingRef() == null ? "" : r.verification().recordingRef());
        }
        var dialog = dialog(ReviewStep.VERIFY, finding, recording);
        StepDialogs.footer(dialog, "verify-save", () -> act(() -> desk.recordVerification(r.id(),
                finding.getValue(), recording.getValue(), r.version()), dialog,
                Map.of("finding", finding, "recordingRef", recording)));
    }

    private void openSideNotice(Review r) {
        var number = new Paragraph(t("review.dialog.sideNotice.number", r.route().notifyNumber()));
        var at = now("review.dialog.sideNotice.at", "side-notice-at");
        var lead = new TextField(t("review.dialog.sideNotice.lead"));
        lead.setMaxLength(Kind.NAME.maxLength());
        lead.setId("side-notice-lead");
        var note = area("review.dialog.note", "side-notice-note");
        note.setMaxLength(Kind.NOTE.maxLength());
        var dialog = dialog(ReviewStep.RECORD_SIDE_NOTICE, number, at, lead, note);
        StepDialogs.footer(dialog, "side-notice-save", () -> act(() -> desk.recordSideNotice(r.id(),
                instant(at.getValue()), lead.getValue(), note.getValue(), r.version()), dialog,
                Map.of("calledAt", at, "leadName", lead, "note", note)));
    }

    private void openSideAnswer(Review r) {
        var answer = area("review.dialog.sideAnswer.text", "side-answer-text");
        var at = now("review.dialog.sideAnswer.at", "side-answer-at");
        var dialog = dialog(ReviewStep.RECORD_SIDE_ANSWER, answer, at);
        StepDialogs.footer(dialog, "side-answer-save", () -> act(() -> desk.recordSideAnswer(r.id(),
                answer.getValue(), instant(at.getValue()), r.version()), dialog,
                Map.of("answer", answer, "answeredAt", at)));
    }

}
