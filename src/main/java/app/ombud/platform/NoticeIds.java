package app.ombud.platform;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * IDs of the notifications and outbox messages a step or a job sends about a record, derived from
 * the record's ID and what is told ({@code "overdue"}, {@code "decided/" + member}): the same step
 * repeated after a crash, or a job run twice, yields the same ID, so the message is stored once.
 */
public final class NoticeIds {

    private NoticeIds() {
    }

    /** A name-based (version 3) UUID of {@code recordId + "/" + what}. */
    public static UUID of(Object recordId, String what) {
        return UUID.nameUUIDFromBytes((recordId + "/" + what).getBytes(StandardCharsets.UTF_8));
    }
}
