package app.ombud.platform.ui;

import app.ombud.platform.OmbudException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The pieces every record page with workflow steps uses (case, escalation): a step button, a
 * one-column form dialog with Save/Cancel, and running a step — on success close and reload; on
 * a refusal show the translated error; on a concurrent change close and reload as well.
 */
public final class StepDialogs {

    private StepDialogs() {
    }

    public static Button button(String id, String label, Runnable open) {
        var button = new Button(label, click -> open.run());
        button.setId(id);
        return button;
    }

    /** A dialog with the fields in one column, attached to the page (open it with {@link #footer}). */
    public static Dialog form(HasComponents page, String title, Component... fields) {
        var dialog = new Dialog(title);
        dialog.setWidth("min(40em, 95vw)");
        var form = new FormLayout(fields);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        dialog.add(form);
        page.add(dialog);
        return dialog;
    }

    /** Adds Cancel and a primary Save (with the given ID) to the dialog and opens it. */
    public static void footer(Dialog dialog, String saveId, Runnable save) {
        var ok = SubmitButton.of(dialog.getTranslation("common.save"), saveId, save);
        dialog.getFooter().add(new Button(dialog.getTranslation("common.cancel"), click -> dialog.close()), ok);
        dialog.open();
    }

    /**
     * Runs one step like {@link #run(Supplier, Dialog, Runnable)}; a refusal that names one of the
     * dialog's {@code fields} (by the service's field name) is also shown on that field.
     */
    public static void run(Supplier<?> step, Dialog dialog, Runnable reload,
            Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(field -> field.setInvalid(false));
        run(() -> {
            try {
                return step.get();
            } catch (OmbudException e) {
                HasValidation field = e.field() == null ? null : fields.get(e.field());
                if (field != null) {
                    field.setErrorMessage("REQUIRED".equals(e.code()) ? Toasts.text("common.required")
                            : Toasts.message(e));
                    field.setInvalid(true);
                }
                throw e;
            }
        }, dialog, reload);
    }

    /** Runs one step of the service; {@code dialog} may be null for steps without a dialog. */
    public static void run(Supplier<?> step, Dialog dialog, Runnable reload) {
        try {
            step.get();
            if (dialog != null) {
                dialog.close();
            }
            Toasts.success(Toasts.text("common.saved"));
            reload.run();
        } catch (OmbudException e) {
            Toasts.error(e);
            if (e.isConcurrentUpdate()) {
                if (dialog != null) {
                    dialog.close();
                }
                reload.run();
            }
        }
    }
}
