package app.ombud.panel;

import java.time.Instant;

/** The site manager's final decision on an undecided panel, with the reason. */
public record SiteManagerDecision(Choice decision, String reason, String by, String byName, Instant at) {
}
