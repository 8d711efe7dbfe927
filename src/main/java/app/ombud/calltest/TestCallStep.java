package app.ombud.calltest;

/** The steps on a recorded test call (recording it is creating it). */
public enum TestCallStep {
    /** The follow-up the agent promised was delivered (when). */
    RECORD_FOLLOW_UP,
    /** Another executor of the group scores the same call (calibration). */
    ADD_CALIBRATION,
    /** The group lead sets the call's final score after calibration. */
    SET_FINAL_SCORE,
    /** The group lead voids a call recorded by mistake; its slot is planned again. */
    VOID
}
