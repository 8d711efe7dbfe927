package app.ombud.calltest;

/** Narrows the scenario list; null fields do not filter. {@code text} matches the number, title or script. */
public record ScenarioFilter(ScenarioType type, CallChannel channel, String tag, String text, boolean includeRetired) {
    public static final ScenarioFilter CURRENT = new ScenarioFilter(null, null, null, null, false);
}
