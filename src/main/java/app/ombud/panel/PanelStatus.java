package app.ombud.panel;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a panel stands, with every allowed transition in one place (DESIGN.md §5).
 *
 * <pre>
 * VOTING ──all voted / window ended, majority──▶ DECIDED
 * VOTING ──tie or no quorum──▶ AWAITING_SITE_MANAGER ──site manager decides──▶ DECIDED
 * </pre>
 */
public enum PanelStatus {
    /** Open: members vote; only "k of 6 voted" is shown. */
    VOTING,
    /** Closed undecided (a tie or too few ballots): the site manager decides. */
    AWAITING_SITE_MANAGER,
    /** Decided, by the panel's majority or by the site manager; final. */
    DECIDED;

    private static final Map<PanelStatus, Set<PanelStatus>> NEXT = Map.of(
            VOTING, EnumSet.of(AWAITING_SITE_MANAGER, DECIDED),
            AWAITING_SITE_MANAGER, EnumSet.of(DECIDED),
            DECIDED, EnumSet.noneOf(PanelStatus.class));

    public boolean canMoveTo(PanelStatus next) {
        return NEXT.get(this).contains(next);
    }
}
