package app.ombud.platform;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;

/**
 * The append-only audit trail of security, admin and (later) business actions. Modules record
 * their own events here; nothing can change or delete an entry.
 */
public interface AuditTrail {

    /** Records an action by the current actor. {@code details} must not hold secrets. */
    void record(String action, String targetType, String targetId, Map<String, String> details);

    /** Records an action by the given actor (for events outside a request, e.g. failed logins). */
    void record(Actor actor, String action, String targetType, String targetId, Map<String, String> details);

    /** Newest first, keyset-paged; admins only. */
    Window<Entry> page(Filter filter, ScrollPosition position, int size);

    /** How many entries the filter matches; admins only. */
    long count(Filter filter);

    /** What an admin may narrow the trail by; null fields do not filter. */
    record Filter(String action, String actor, String targetId, Instant from, Instant to) {
        public static final Filter NONE = new Filter(null, null, null, null, null);
    }

    /** One recorded action. */
    record Entry(UUID id, Instant at, Actor.Kind actorKind, String actor, String actorName, String action,
            String targetType, String targetId, Map<String, String> details) {
    }
}
