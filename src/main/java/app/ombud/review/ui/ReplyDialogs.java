package app.ombud.review.ui;

import static app.ombud.platform.ui.Texts.entry;

import app.ombud.platform.TextInput.Kind;
import app.ombud.platform.ui.StepDialogs;
import app.ombud.review.OtherReply;
import app.ombud.review.Replies;
import app.ombud.review.ReplyOutcome;
import app.ombud.review.Review;
import app.ombud.review.ReviewStep;
import app.ombud.review.SpecialComplainant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Clock;
import java.util.Map;

/** The reply's steps: a call to the customer (with the day's SMS), a special complainant reported and decided, a direct explanation, a reply handled otherwise. */
final class ReplyDialogs extends ReviewDialogs {

    private final Replies replies;

    ReplyDialogs(VerticalLayout page, Replies replies, Clock clock, Runnable reload) {
        super(page, clock, reload);
        this.replies = replies;
    }

    @Override
    void open(ReviewStep step, Review r) {
        switch (step) {
            case RECORD_REPLY_ATTEMPT -> openReplyAttempt(r);
            case REPORT_SPECIAL -> openReportSpecial(r);
            case DECIDE_SPECIAL -> openDecideSpecial(r);
            case EXPLAIN_DIRECTLY -> text(step, "review.dialog.explain.script", "explain-script", "script",
                    "explain-save", script -> replies.explainDirectly(r.id(), script, r.version()));
            case REPLY_OTHER -> openReplyOther(r);
            default -> throw new IllegalArgumentException(step + " is not a step of this family");
        }
    }

    private void openReplyAttempt(Review r) {
        var at = now("review.dialog.reply.at", "reply-at");
        var outcome = new Select<ReplyOutcome>();
        outcome.setLabel(t("review.dialog.reply.outcome"));
        outcome.setItems(ReplyOutcome.values());
        outcome.setItemLabelGenerator(o -> t("review.replyOutcome." + o));
        outcome.setId("reply-outcome");
        var note = area("review.dialog.reply.note", "reply-note");
        note.setMaxLength(Kind.NOTE.maxLength());
        var sms = new Checkbox(t("review.dialog.reply.sms"));
        sms.setId("reply-sms");
        sms.setEnabled(false);
        sms.setHelperText(t("review.dialog.reply.smsHint"));
        // the day's SMS only follows a call that did not reach the customer
        outcome.addValueChangeListener(change -> {
            boolean failed = change.getValue() != null && change.getValue().failed();
            sms.setEnabled(failed);
            if (!failed) {
                sms.setValue(false);
            }
        });
        var dialog = dialog(ReviewStep.RECORD_REPLY_ATTEMPT, at, outcome, note, sms);
        StepDialogs.footer(dialog, "reply-save", () -> act(() -> replies.recordReplyAttempt(r.id(),
                instant(at.getValue()), outcome.getValue(), note.getValue(), sms.getValue(), r.version()), dialog,
                Map.of("at", at, "outcome", outcome, "note", note)));
    }

    private void openReportSpecial(Review r) {
        var kind = new RadioButtonGroup<SpecialComplainant.Kind>(t("review.dialog.special.kind"));
        kind.setItems(SpecialComplainant.Kind.values());
        kind.setItemLabelGenerator(k -> t("review.special." + k));
        kind.setId("special-kind");
        var report = area("review.dialog.special.report", "special-report");
        var dialog = dialog(ReviewStep.REPORT_SPECIAL, kind, report);
        StepDialogs.footer(dialog, "special-save", () -> act(() -> replies.reportSpecialComplainant(r.id(),
                kind.getValue(), report.getValue(), r.version()), dialog, Map.of("kind", kind, "report", report)));
    }

    private void openDecideSpecial(Review r) {
        SpecialComplainant special = r.reply().special();
        var report = entry(t("review.special." + special.kind()), special.report());
        var decision = area("review.dialog.special.decision", "special-decision");
        var dialog = dialog(ReviewStep.DECIDE_SPECIAL, report, decision);
        StepDialogs.footer(dialog, "special-decision-save", () -> act(() -> replies.decideSpecialHandling(r.id(),
                decision.getValue(), r.version()), dialog, Map.of("decision", decision)));
    }

    private void openReplyOther(Review r) {
        var kind = new RadioButtonGroup<OtherReply.Kind>(t("review.dialog.other.kind"));
        kind.setItems(OtherReply.Kind.values());
        kind.setItemLabelGenerator(k -> t("review.other." + k));
        kind.setId("other-kind");
        var reference = new TextField(t("review.dialog.other.reference"));
        reference.setMaxLength(Kind.LINE.maxLength());
        reference.setId("other-reference");
        var dialog = dialog(ReviewStep.REPLY_OTHER, kind, reference);
        StepDialogs.footer(dialog, "other-save", () -> act(() -> replies.replyOther(r.id(), kind.getValue(),
                reference.getValue(), r.version()), dialog, Map.of("kind", kind, "reference", reference)));
    }

}
