package app.ombud.platform.ui;

import com.vaadin.flow.component.Component;

/**
 * Something a module puts in the portal header next to the user's name (e.g. the notification
 * bell). Declare it as a Spring bean; {@link MainLayout} asks it for a fresh component per page.
 */
public interface HeaderItem {

    Component create();

    /** Lower numbers come first. */
    default int order() {
        return 0;
    }
}
