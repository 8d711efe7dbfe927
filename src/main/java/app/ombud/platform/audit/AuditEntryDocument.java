package app.ombud.platform.audit;

import app.ombud.platform.Actor;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/** One audit entry as stored; only ever inserted. */
@CompoundIndexes({
    @CompoundIndex(name = "action", def = "{'action': 1}"),
    @CompoundIndex(name = "actor_action", def = "{'actor': 1, 'action': 1}"),
    @CompoundIndex(name = "at", def = "{'at': -1, '_id': 1}"),
    @CompoundIndex(name = "targetId_at", def = "{'targetId': 1, 'at': -1, '_id': 1}")
})
@Document("audit_entries")
record AuditEntryDocument(
        @Id UUID id,
        Instant at,
        Actor.Kind actorKind,
        String actor,
        String actorName,
        String action,
        String targetType,
        String targetId,
        Map<String, String> details) {
}
