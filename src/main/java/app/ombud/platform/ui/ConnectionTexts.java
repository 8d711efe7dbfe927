package app.ombud.platform.ui;

import com.vaadin.flow.component.UI;

/**
 * What Vaadin's connection indicator says when the server is out of reach (and back): in the
 * UI's language, not the indicator's built-in English ("Connection lost").
 */
final class ConnectionTexts {

    private ConnectionTexts() {
    }

    static void apply(UI ui) {
        ui.getPage().executeJs("const indicator = window.Vaadin && window.Vaadin.connectionIndicator;"
                + " if (indicator) { indicator.onlineText = $0; indicator.offlineText = $1;"
                + " indicator.reconnectingText = $2; }",
                ui.getTranslation("connection.online"), ui.getTranslation("connection.offline"),
                ui.getTranslation("connection.reconnecting"));
    }
}
