package app.ombud.platform.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.NotFoundException;
import java.util.Optional;
import java.util.UUID;

/** The record ID of a page route such as {@code cases/:id}. */
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
}
