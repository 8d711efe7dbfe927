package app.ombud.platform.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** The small text blocks every record page shows: a muted note, and a heading over a text kept as written. */
public final class Texts {

    private Texts() {
    }

    public static Span muted(String text) {
        var span = new Span(text);
        span.addClassName("ombud-muted");
        return span;
    }

    /** A muted heading over the text, line breaks kept (an empty text for null). */
    public static Div entry(String heading, String text) {
        var head = new Div(heading);
        head.addClassName("ombud-muted");
        var body = new Div(text == null ? "" : text);
        body.addClassName("ombud-pre");
        var box = new Div(head, body);
        box.addClassName("ombud-entry");
        return box;
    }
}
