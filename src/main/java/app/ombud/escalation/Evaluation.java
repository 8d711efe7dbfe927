package app.ombud.escalation;

import java.time.Instant;

/** The closing evaluation of an escalation. */
public record Evaluation(int score, String comment, String by, Instant at) {
}
