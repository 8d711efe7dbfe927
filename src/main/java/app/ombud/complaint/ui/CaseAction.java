package app.ombud.complaint.ui;

import app.ombud.complaint.ComplaintCase;
import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * An action another module offers on the case page (the escalation module: raise an
 * escalation), so the complaint module does not depend on it.
 */
public interface CaseAction {

    /** The button for this case, or empty when the action does not apply; {@code reload} after a change. */
    Optional<Component> create(ComplaintCase subject, Runnable reload);
}
