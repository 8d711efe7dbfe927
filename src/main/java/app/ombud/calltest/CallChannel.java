package app.ombud.calltest;

/** How a test call reaches the agent: a phone call or an online chat (SPEC §4). */
public enum CallChannel {
    PHONE, ONLINE
}
