package app.ombud.policy;

/** One difference between two policy versions: a setting's path and its value in each. */
public record PolicyDiff(String path, String before, String after) {
}
