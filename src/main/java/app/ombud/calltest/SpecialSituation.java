package app.ombud.calltest;

/** What makes a {@link ScenarioType#SPECIAL_SITUATION} special. */
public enum SpecialSituation {
    /** An agitated, angry customer. */
    AGITATED_CUSTOMER,
    /** An urgent need (a service down, a deadline). */
    URGENT_NEED,
    /** An elderly or otherwise vulnerable customer. */
    VULNERABLE_CUSTOMER,
    /** Another special situation, described in the script. */
    OTHER
}
