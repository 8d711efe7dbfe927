package app.ombud.review;

/** Who closed an appeal with the final decision. */
public enum AppealDecider { WHITELIST_OWNER, PANEL, SITE_MANAGER }
