package app.ombud.directory;

import java.util.List;
import java.util.UUID;

/**
 * What a CSV import of people did, or would do: one line per data row. When any row has an
 * error, nothing is written ({@link Status#REJECTED}); a dry run writes nothing either.
 */
public record ImportReport(UUID id, Status status, int created, int updated, List<Row> rows) {

    /** The import's outcome. */
    public enum Status {
        /** Checked only (dry run); nothing written. */
        CHECKED,
        /** Rows with errors: nothing written. */
        REJECTED,
        /** Every row written. */
        APPLIED
    }

    /** What happens to a row. */
    public enum Outcome { CREATE, UPDATE, ERROR }

    /**
     * One CSV data row. {@code line} is the line number in the file (the header is line 1);
     * for errors, {@code code}, {@code field}, {@code args} and an English {@code message}.
     */
    public record Row(int line, String employeeId, Outcome outcome, String code, String field, String message,
            List<String> args) {
    }

    public long errorCount() {
        return rows.stream().filter(r -> r.outcome() == Outcome.ERROR).count();
    }

    public boolean hasErrors() {
        return errorCount() > 0;
    }
}
