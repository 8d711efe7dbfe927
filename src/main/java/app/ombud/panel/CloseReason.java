package app.ombud.panel;

/** Why voting ended. */
public enum CloseReason {
    /** Every member voted. */
    ALL_VOTED,
    /** The voting window ended. */
    WINDOW_ENDED
}
