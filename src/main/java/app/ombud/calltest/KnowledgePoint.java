package app.ombud.calltest;

/**
 * One point the expected answer must contain. Its {@code code} is stable across the scenario's
 * revisions (a point that is kept keeps its code), so a test call can say which points were
 * answered right.
 */
public record KnowledgePoint(String code, String text) {
}
