package app.ombud.policy;

/**
 * The scale a scorecard item is rated on (ANALYTICS.md §1, the Zendesk QA scales): yes/no is
 * 0..1, the point scales 1..3, 1..4 and 1..5. An answer scores
 * {@code (selected − min) / (max − min) × 100}, so every scale spans 0–100 %.
 */
public enum ScoreScale {
    YES_NO(0, 1),
    THREE_POINTS(1, 3),
    FOUR_POINTS(1, 4),
    FIVE_POINTS(1, 5);

    private final int min;
    private final int max;

    ScoreScale(int min, int max) {
        this.min = min;
        this.max = max;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    /** Whether a selected value is on this scale. */
    public boolean contains(int value) {
        return value >= min && value <= max;
    }
}
