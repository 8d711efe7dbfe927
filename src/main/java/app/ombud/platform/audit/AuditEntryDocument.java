package app.ombud.platform.audit;

import app.ombud.platform.Actor;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** One audit entry as stored; only ever inserted. */
@Document("audit_entries")
@CompoundIndex(name = "at_id", def = "{'at': -1, '_id': -1}")
record AuditEntryDocument(
        @Id UUID id,
        Instant at,
        Actor.Kind actorKind,
        @Indexed String actor,
        String actorName,
        @Indexed String action,
        String targetType,
        @Indexed String targetId,
        Map<String, String> details) {
}
