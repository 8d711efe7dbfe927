package app.ombud.escalation.internal;

import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * At most one open escalation per case: raising one inserts this marker keyed by the case, so
 * a second raise — by hand, or the job running again after a crash — finds it and stops.
 * Rejecting or closing the escalation removes it.
 */
@CompoundIndex(name = "escalationId", def = "{'escalationId': 1}")
@Document("case_escalation_locks")
public record CaseEscalationLock(@Id UUID caseId, UUID escalationId, String number) {
}
