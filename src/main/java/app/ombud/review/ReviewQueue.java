package app.ombud.review;

/** The lists of the review portal and API; each is narrowed further by what the caller may see. */
public enum ReviewQueue {
    /** Work orders the caller submitted (agents). */
    MINE,
    /** Work orders waiting for the caller's team-lead check (submitted, or returned by the review team); earliest due first. */
    TEAM_CHECK,
    /** Reviews with the review team; oldest first. */
    REVIEW_TEAM,
    /** Replies to customers still owed; earliest due first. */
    REPLIES,
    /** Appeals: appealed, panel forming, panel voting. */
    APPEALS,
    /** Judged reviews about the caller (the accused employee). */
    ABOUT_ME,
    /** Every review the caller may see, newest first. */
    ALL
}
