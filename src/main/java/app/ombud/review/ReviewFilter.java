package app.ombud.review;

/** Narrows a review list; null fields do not filter. {@code overdueOnly}: checks (team check) or replies (replies) past due. */
public record ReviewFilter(ReviewStatus status, String text, Boolean overdueOnly) {

    public static final ReviewFilter ALL = new ReviewFilter(null, null, null);
}
