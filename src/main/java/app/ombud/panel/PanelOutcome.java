package app.ombud.panel;

/** What the panel's ballots decided when it closed. Raw counts are never shown. */
public enum PanelOutcome {
    /** A majority of the cast ballots upheld the verdict. */
    UPHELD,
    /** A majority of the cast ballots overturned it. */
    OVERTURNED,
    /** A tie, or fewer ballots than the quorum: the site manager decides. */
    UNDECIDED
}
