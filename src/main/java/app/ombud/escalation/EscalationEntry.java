package app.ombud.escalation;

import java.time.Instant;
import java.util.List;

/**
 * One step in an escalation's life. {@code action} is a code and {@code args} its codes and
 * values (submitted: the trigger; task-force-formed: the lead's employee ID and the number of
 * members; result-sent: the channel and, when known, ACCEPTED or REJECTED; evaluated-closed: the
 * score), so a reader sees the entry in their language; {@code note} is only text a person wrote
 * (a reason, a step's title, the result told to the customer). Entries stored before {@code args}
 * existed have none and keep their note.
 */
public record EscalationEntry(Instant at, String actor, String action, EscalationStatus from, EscalationStatus to,
        String note, List<String> args) {

    public EscalationEntry {
        args = args == null ? List.of() : List.copyOf(args);
    }
}
