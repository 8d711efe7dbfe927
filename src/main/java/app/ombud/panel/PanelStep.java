package app.ombud.panel;

/**
 * The steps a person takes on a panel. Which of them the reader may take now is the panel's
 * {@code allowedSteps}; the portal shows a form for exactly these.
 */
public enum PanelStep {
    /** Cast one's secret ballot: a member who has not voted, while the panel votes. */
    CAST,
    /**
     * Decide a panel that closed undecided (a tie or too few ballots): a site manager who neither
     * sits on it nor is the accused or an original judge; final.
     */
    DECIDE_AS_SITE_MANAGER
}
