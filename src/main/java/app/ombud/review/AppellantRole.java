package app.ombud.review;

/** Who objects to an upheld verdict. */
public enum AppellantRole { ACCUSED, TEAM_LEAD }
