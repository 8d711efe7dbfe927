package app.ombud.platform.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/**
 * The small text blocks every record page shows: its headline (title and status badge), a muted
 * note, and a heading over a text kept as written.
 */
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

    /**
     * A record page's headline: the title ({@code <prefix>-title}), the status badge
     * ({@code <prefix>-status}) and further badges, e.g. overdue.
     */
    public static HorizontalLayout headline(String prefix, String title, String status, Component... badges) {
        var heading = new H2(title);
        heading.setId(prefix + "-title");
        var badge = new Span(status);
        badge.addClassNames("ombud-badge", "ombud-badge-status");
        badge.setId(prefix + "-status");
        var headline = new HorizontalLayout(heading, badge);
        headline.add(badges);
        headline.setAlignItems(FlexComponent.Alignment.BASELINE);
        headline.addClassName("ombud-toolbar");
        return headline;
    }
}
