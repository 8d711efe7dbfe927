package app.ombud.platform;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A workflow document that people's steps and background jobs write both, saved through
 * {@link RecordWrites}. It names the fields its jobs own and the lists both append to, so a job's
 * mark and a person's versioned save of another part of the record never conflict and neither is
 * lost.
 */
public interface SharedRecord {

    /**
     * The fields only jobs write (top-level names or dotted paths such as {@code deadlines.breachedAt}):
     * a person's save leaves them as they are in the store, and a job's mark does not change the
     * record's version.
     */
    Set<String> jobOwnedFields();

    /**
     * The entries this change appended to the append-only lists (timeline, pending messages), by
     * field name: a person's save pushes them, so entries a job appended meanwhile stay. Every
     * append-only list is a key here, with an empty list when nothing was appended.
     */
    Map<String, List<?>> appended();

    /** Job-owned fields this step clears on purpose (e.g. a new deadline re-arms its warning). */
    default Set<String> clearedJobFields() {
        return Set.of();
    }
}
