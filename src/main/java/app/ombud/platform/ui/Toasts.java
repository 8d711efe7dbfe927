package app.ombud.platform.ui;

import app.ombud.platform.OmbudException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** Short messages at the bottom of the screen, translated. */
public final class Toasts {

    private Toasts() {
    }

    public static void success(String text) {
        Notification.show(text, 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.SUCCESS);
    }

    public static void error(String text) {
        var notification = Notification.show(text, 6000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.ERROR);
    }

    /** A translated text of the current UI. */
    static String text(String key) {
        var ui = UI.getCurrent();
        return ui == null ? key : ui.getTranslation(key);
    }

    /** The translated message of a domain error, falling back to its English text. */
    public static String message(OmbudException e) {
        var ui = UI.getCurrent();
        if (ui == null) {
            return e.getMessage();
        }
        String translated = ui.getTranslation(e.messageKey(), e.args(label -> {
            String text = ui.getTranslation(label.key());
            return text == null || text.startsWith("!{") ? null : text;
        }));
        return translated == null || translated.startsWith("!{") ? formatted(e) : translated;
    }

    private static String formatted(OmbudException e) {
        return java.text.MessageFormat.format(e.getMessage().replace("'", "''"), e.args());
    }

    public static void error(OmbudException e) {
        error(message(e));
    }
}
