package app.ombud.policy;

/** How a policy version came about; the portal renders it in the reader's language. */
public enum PolicyOrigin {
    /** Version 1 of a fresh store: Ombud's defaults with the shipped holiday packs. */
    DEFAULTS,
    /** An admin saved a section. */
    EDIT,
    /** An admin imported a year's holidays and swapped working days (the year is the argument). */
    CALENDAR_IMPORT
}
