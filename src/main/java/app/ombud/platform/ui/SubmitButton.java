package app.ombud.platform.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;

/**
 * The primary button of a form, which cannot send the form twice: the browser disables it the
 * moment it is clicked, and it is enabled again once the server has answered (so a refused form
 * can be corrected and sent again). Forms that create something also send one
 * {@link app.ombud.platform.IdempotencyKey} per opening, so even a request the browser repeats
 * creates nothing twice.
 */
public final class SubmitButton {

    private SubmitButton() {
    }

    public static Button of(String label, String id, Runnable submit) {
        var button = new Button(label);
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        button.setId(id);
        button.setDisableOnClick(true);
        button.addClickListener(click -> {
            try {
                submit.run();
            } finally {
                button.setEnabled(true);
            }
        });
        return button;
    }
}
