package app.ombud.escalation;

import java.time.Instant;

/** The superior department's decision on the application, with the reason. */
public record Decision(boolean approved, String reason, String by, Instant at) {
}
