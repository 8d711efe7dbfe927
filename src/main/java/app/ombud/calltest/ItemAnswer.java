package app.ombud.calltest;

/**
 * What a test call's executor answered for one scorecard item: the value selected on the item's
 * scale, or N/A (the item does not apply to this call; left out of the score, never 0).
 */
public record ItemAnswer(Integer selected) {

    private static final ItemAnswer NOT_APPLICABLE = new ItemAnswer(null);

    public static ItemAnswer of(int selected) {
        return new ItemAnswer(selected);
    }

    public static ItemAnswer notApplicable() {
        return NOT_APPLICABLE;
    }

    public boolean isNotApplicable() {
        return selected == null;
    }
}
