package app.ombud.calltest;

/**
 * How the agent communicated, each 1–5: the overall rating (which {@code COMMUNICATION_SATISFACTION}
 * measures against the policy's satisfied rating) and, optionally, attitude, clarity and accuracy.
 */
public record Communication(int rating, Integer attitude, Integer clarity, Integer accuracy) {
}
