package app.ombud.review;

import java.time.Instant;

/** What agents say when this customer calls (a direct-explanation reply), found by the caller's number. */
public record ExplanationScript(String reviewNumber, String topic, String script, Instant recordedAt) {
}
