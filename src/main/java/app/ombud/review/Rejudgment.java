package app.ombud.review;

import java.time.Instant;

/** The whitelist owner's re-judgment of an appealed verdict: keep it (a panel decides) or overturn it. */
public record Rejudgment(boolean keep, String reason, String by, String byName, Instant at) {
}
