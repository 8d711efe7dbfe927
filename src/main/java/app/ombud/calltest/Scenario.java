package app.ombud.calltest;

import java.time.Instant;
import java.util.List;

/**
 * A scenario of the library as its readers see it: its current revision ({@code current}, whose
 * number a test call keeps together with the scenario's ID), every earlier revision, and whether
 * it is retired (kept, no longer chosen for new plans). {@code version} is the record's version
 * for {@code expectedVersion}, not the content's revision.
 */
public record Scenario(java.util.UUID id, String number, ScenarioRevision current, List<ScenarioRevision> revisions,
        boolean retired, String retiredBy, Instant retiredAt, long version) {

    /** The given revision, if the scenario has it. */
    public java.util.Optional<ScenarioRevision> revision(int number) {
        return revisions.stream().filter(r -> r.revision() == number).findFirst();
    }
}
