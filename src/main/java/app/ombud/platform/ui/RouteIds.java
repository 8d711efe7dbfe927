package app.ombud.platform.ui;

import app.ombud.platform.OmbudException;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.NotFoundException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** The record ID of a page route such as {@code cases/:id}, and showing that record or why it cannot be. */
public final class RouteIds {

    private RouteIds() {
    }

    /** The UUID in the route parameter; for anything else the not-found page is shown and empty returned. */
    public static Optional<UUID> uuid(BeforeEnterEvent event, String parameter) {
        try {
            return Optional.of(UUID.fromString(event.getRouteParameters().get(parameter).orElse("")));
        } catch (IllegalArgumentException e) {
            event.rerouteToError(NotFoundException.class);
            return Optional.empty();
        }
    }

    /**
     * Shows the record named by the route's {@code id}; when the service refuses (not found, not
     * allowed) the page shows its translated message instead, in a paragraph with {@code refusalId}.
     */
    public static void show(BeforeEnterEvent event, HasComponents page, String refusalId, Consumer<UUID> show) {
        uuid(event, "id").ifPresent(id -> showOrRefuse(page, refusalId, () -> show.accept(id)));
    }

    /** Runs {@code show}; a refusal of the service replaces the page's content by its message. */
    public static void showOrRefuse(HasComponents page, String refusalId, Runnable show) {
        try {
            show.run();
        } catch (OmbudException e) {
            page.removeAll();
            var message = new Paragraph(Toasts.message(e));
            message.setId(refusalId);
            page.add(message);
        }
    }
}
