package app.ombud.panel;

import java.time.Instant;

/** One step in a panel's life (formed, closed, decided). Casting a ballot is never an entry. */
public record PanelEntry(Instant at, String actor, String actorName, String action, String note) {
}
