package app.ombud.complaint;

import java.time.Instant;

/** Something written on a case: an investigation finding, a contact with the customer, a progress update. */
public record CaseNote(Instant at, String by, Kind kind, String text) {

    /** What the note is. */
    public enum Kind {
        /** A finding of the investigation (test report, service record, ...). */
        INVESTIGATION,
        /** A contact with the customer (call, e-mail, visit). */
        COMMUNICATION,
        /** A progress update told to the customer while handling takes time. */
        PROGRESS
    }
}
