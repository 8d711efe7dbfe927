package app.ombud.calltest;

/** What BI rows of test calls are grouped by (the BI contract's names). */
public enum TestCallGroup {
    COMPANY, DEPARTMENT, TEAM, AGENT, SCENARIO_TYPE, CHANNEL
}
