package app.ombud.calltest;

/** A report is drafted (its figures live, its conclusions editable), then published: frozen for good. */
public enum ReportStatus {
    DRAFT, PUBLISHED
}
