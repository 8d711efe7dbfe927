package app.ombud.improvement;

/** Where an improvement action comes from (SPEC §4). */
public enum ImprovementSource {
    /** A finding of one test call (拨测发现). */
    TEST_CALL_FINDING,
    /** A team or agent whose mean misses a threshold (薄弱环节). */
    WEAK_SPOT,
    /** An upheld verdict of an internal review (白名单). */
    REVIEW_VERDICT,
    /** A complaint judged valid. */
    VALID_COMPLAINT,
    /** An assessment (考核), for the modules still to come. */
    ASSESSMENT,
    /** Raised by hand, with or without a source record. */
    MANUAL;

    /** Whether the action comes from test calls, so the test-call group (CALLTEST_STAFF) reads and verifies it. */
    public boolean fromTestCalls() {
        return this == TEST_CALL_FINDING || this == WEAK_SPOT;
    }
}
