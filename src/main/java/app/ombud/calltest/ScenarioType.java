package app.ombud.calltest;

/** The kinds of scenario of the library (SPEC §4). */
public enum ScenarioType {
    /** A common question: how to use a feature, where is my order. */
    COMMON_QUESTION,
    /** A complex problem or a hard complaint. */
    COMPLEX_OR_HARD_COMPLAINT,
    /** A special situation; its kind is a {@link SpecialSituation}. */
    SPECIAL_SITUATION
}
