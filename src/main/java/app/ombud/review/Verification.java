package app.ombud.review;

import java.time.Instant;

/** Front desk: what the call recording showed, and where the recording is. */
public record Verification(String finding, String recordingRef, String by, String byName, Instant at) {
}
