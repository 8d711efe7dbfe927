package app.ombud.directory.internal;

import app.ombud.directory.ImportReport;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A validated CSV import, saved before any person is written. Applying it is a series of
 * idempotent upserts by employee ID; the document stays PENDING until all are done, so an
 * import cut short by a crash is finished at the next start instead of staying half-written.
 * {@code report} is what the import answered, for a repeat of the same request (null in
 * imports made before it was kept).
 */
@CompoundIndex(name = "status", def = "{'status': 1}")
@Document("person_imports")
public record PersonImportDocument(@Id UUID id, Status status, List<ValidPerson> rows, int created,
        int updated, String createdBy, Instant createdAt, Instant appliedAt, List<ImportReport.Row> report) {

    public enum Status { PENDING, APPLIED }
}
