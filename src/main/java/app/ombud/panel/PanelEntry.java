package app.ombud.panel;

import java.time.Instant;
import java.util.List;

/**
 * One step in a panel's life (formed, closed, decided); casting a ballot is never an entry.
 * {@code action} is a code, {@code args} its codes (closed: the close reason and the outcome), so
 * a reader sees the entry in their language; {@code note} is text a person wrote (the site
 * manager's reason) or the disputed record's number.
 */
public record PanelEntry(Instant at, String actor, String actorName, String action, String note, List<String> args) {

    public PanelEntry {
        args = args == null ? List.of() : List.copyOf(args);
    }
}
