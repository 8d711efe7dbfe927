package app.ombud.complaint;

/** Where a complaint came in (SPEC §1.1). */
public enum IntakeChannel { HOTLINE, ONLINE, EMAIL, OFFLINE, SOCIAL_MEDIA }
