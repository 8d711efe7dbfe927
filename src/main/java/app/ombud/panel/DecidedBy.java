package app.ombud.panel;

/** Who made the final decision of a panel. */
public enum DecidedBy { PANEL, SITE_MANAGER }
