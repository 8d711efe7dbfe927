package app.ombud.panel;

import java.time.Instant;
import java.util.UUID;

/**
 * Published when a panel's decision is final (its majority, or the site manager's). The module
 * whose record was disputed applies it; the panel publishes it again until a listener took it
 * without failing, so listeners must be idempotent.
 */
public record PanelDecided(UUID panelId, String panelNumber, String subjectType, UUID subjectId,
        String subjectNumber, Choice decision, DecidedBy decidedBy, Instant at) {
}
