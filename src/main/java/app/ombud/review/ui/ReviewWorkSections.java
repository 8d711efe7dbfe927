package app.ombud.review.ui;

import app.ombud.platform.ui.WorkQueue;
import app.ombud.review.ReviewWorkQueue;
import java.util.List;

/** The home page's review lists: work orders to check, reviews with the review team, replies due. */
@org.springframework.stereotype.Component
class ReviewWorkSections implements WorkQueue {

    private final ReviewWorkQueue reviews;

    ReviewWorkSections(ReviewWorkQueue reviews) {
        this.reviews = reviews;
    }

    @Override
    public List<Section> sections(int limit) {
        return Section.present(
                Section.of("reviews-check", "home.queue.reviews.check", "reviews/check", reviews.toCheck(limit)),
                Section.of("reviews-team", "home.queue.reviews.team", "reviews/team", reviews.withReviewTeam(limit)),
                Section.of("reviews-replies", "home.queue.reviews.replies", "reviews/replies", reviews.repliesDue(limit)));
    }

    @Override
    public int order() {
        return 30;
    }
}
