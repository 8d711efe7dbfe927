package app.ombud.escalation.ui;

import app.ombud.complaint.ComplaintCase;
import app.ombud.complaint.ui.CaseAction;
import app.ombud.escalation.EscalationForm;
import app.ombud.escalation.EscalationService;
import app.ombud.escalation.EscalationTrigger;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.OmbudException;
import app.ombud.platform.TextInput.Kind;
import app.ombud.platform.ui.SubmitButton;
import app.ombud.platform.ui.Toasts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Optional;

/** "Escalate" on the case page of an open case that has no escalation yet: the application form. */
@org.springframework.stereotype.Component
class RaiseEscalationAction implements CaseAction {

    private final EscalationService escalations;

    RaiseEscalationAction(EscalationService escalations) {
        this.escalations = escalations;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create(ComplaintCase subject, Runnable reload) {
        if (!subject.status().open() || subject.escalation() != null) {
            return Optional.empty();
        }
        var button = new Button(t("escalation.raise"), click -> open(subject, reload));
        button.setId("action-escalate");
        return Optional.of(button);
    }

    private void open(ComplaintCase subject, Runnable reload) {
        var dialog = new Dialog(t("escalation.raise.title", subject.number()));
        dialog.setWidth("min(44em, 95vw)");
        var trigger = new Select<EscalationTrigger>();
        trigger.setLabel(t("escalation.trigger"));
        trigger.setItems(EscalationTrigger.values());
        trigger.setItemLabelGenerator(v -> t("escalation.trigger." + v));
        trigger.setValue(EscalationTrigger.BEYOND_ABILITY);
        trigger.setId("escalate-trigger");
        var situation = area("escalation.form.situation", "escalate-situation");
        var progress = area("escalation.form.progress", "escalate-progress");
        var why = area("escalation.form.whyUnsolved", "escalate-why");
        var proposal = area("escalation.form.proposal", "escalate-proposal");
        var form = new FormLayout(trigger, situation, progress, why, proposal);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        dialog.add(form);
        // one key per opening of the dialog: however often it is sent, one escalation is raised
        var submission = IdempotencyKey.random();
        var save = SubmitButton.of(t("escalation.raise"), "escalate-save", () -> {
            try {
                var raised = escalations.raise(subject.id(), trigger.getValue(), new EscalationForm(
                        situation.getValue(), progress.getValue(), why.getValue(), proposal.getValue()), submission);
                dialog.close();
                Toasts.success(t("escalation.raised", raised.number()));
                reload.run();
            } catch (OmbudException e) {
                Toasts.error(e);
                if (e.isConcurrentUpdate() || "ESCALATION_ALREADY_OPEN".equals(e.code())) {
                    dialog.close();
                    reload.run();
                }
            }
        });
        dialog.getFooter().add(new Button(t("common.cancel"), click -> dialog.close()), save);
        dialog.open();
    }

    private static TextArea area(String label, String id) {
        var area = new TextArea(t(label));
        area.setId(id);
        area.setMaxLength(Kind.TEXT.maxLength());
        area.setRequiredIndicatorVisible(true);
        return area;
    }

    private static String t(String key, Object... args) {
        return UI.getCurrent().getTranslation(key, args);
    }
}
