package app.ombud.improvement;

import java.time.Instant;

/** A dated progress report by the action's owner; reports are append-only. */
public record ProgressReport(Instant at, String by, String text) {
}
