package app.ombud.complaint.ui;

import app.ombud.complaint.ComplaintCase;
import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.time.Instant;

/** The small coloured markers the inbox and the case page share. */
final class CaseBadges {

    /** How long before the resolution deadline a case counts as due soon (when no warning was raised yet). */
    static final Duration DUE_SOON = Duration.ofHours(8);

    private CaseBadges() {
    }

    /** "Breached" or "due soon" for an open case, else nothing. */
    static Span due(ComplaintCase c, Instant now) {
        var badge = new Span();
        badge.addClassName("ombud-badge");
        var deadlines = c.deadlines();
        if (!c.status().open() || deadlines == null || deadlines.resolutionDue() == null) {
            badge.setVisible(false);
            return badge;
        }
        if (deadlines.breachedAt() != null || now.isAfter(deadlines.resolutionDue())) {
            badge.setText(badge.getTranslation("case.due.breached"));
            badge.addClassName("ombud-badge-error");
        } else if (deadlines.warnedAt() != null || now.plus(DUE_SOON).isAfter(deadlines.resolutionDue())) {
            badge.setText(badge.getTranslation("case.due.soon"));
            badge.addClassName("ombud-badge-warning");
        } else {
            badge.setVisible(false);
        }
        return badge;
    }

    static Span urgent(ComplaintCase c) {
        var badge = new Span(c.urgent() ? badgeText("case.urgent") : "");
        badge.addClassNames("ombud-badge", "ombud-badge-error");
        badge.setVisible(c.urgent());
        return badge;
    }

    static Span level(int level) {
        var badge = new Span(badgeText("case.level.value", level));
        badge.addClassNames("ombud-badge", "ombud-level-" + level);
        return badge;
    }

    private static String badgeText(String key, Object... args) {
        var ui = com.vaadin.flow.component.UI.getCurrent();
        return ui == null ? key : ui.getTranslation(key, args);
    }
}
