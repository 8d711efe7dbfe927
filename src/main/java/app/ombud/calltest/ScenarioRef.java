package app.ombud.calltest;

import java.util.UUID;

/** A scenario as a plan or a test call keeps it: its ID and the revision chosen. */
public record ScenarioRef(UUID scenarioId, int revision) {
}
