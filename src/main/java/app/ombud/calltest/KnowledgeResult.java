package app.ombud.calltest;

/** One knowledge point of the scenario (by its code) the executor checked: answered right or wrong. */
public record KnowledgeResult(String code, boolean correct) {
}
