package app.ombud.calltest;

/**
 * A weak spot as the statistics show it: a group (a team or an agent, by {@code groupBy}) whose
 * mean of {@code measure} missed its threshold in {@code period} (a row of {@link MeasureRow}).
 */
public record WeakSpot(TestCallGroup groupBy, String groupId, String groupName, Measure measure, String period) {
}
