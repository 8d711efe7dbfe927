package app.ombud.calltest;

import java.time.Instant;
import java.util.List;

/** A timeline entry of a test call: {@code action} a code, {@code args} codes and values, {@code note} text a person wrote. */
public record TestCallEntry(Instant at, String actor, String actorName, String action, String note,
        List<String> args) {

    public TestCallEntry {
        args = args == null ? List.of() : List.copyOf(args);
    }
}
