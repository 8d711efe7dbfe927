package app.ombud.panel;

/** What a panel member votes, and what the site manager decides: keep the disputed verdict or overturn it. */
public enum Choice {
    /** The verdict stands. */
    UPHOLD,
    /** The verdict is reversed. */
    OVERTURN
}
