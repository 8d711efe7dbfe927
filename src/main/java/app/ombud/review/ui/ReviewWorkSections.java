package app.ombud.review.ui;

import app.ombud.platform.ui.WorkQueue;
import app.ombud.review.ReviewWorkQueue;
import java.util.ArrayList;
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
        List<Section> sections = new ArrayList<>();
        reviews.toCheck(limit).ifPresent(items -> sections.add(new Section("reviews-check",
                "home.queue.reviews.check", "reviews/check", items)));
        reviews.withReviewTeam(limit).ifPresent(items -> sections.add(new Section("reviews-team",
                "home.queue.reviews.team", "reviews/team", items)));
        reviews.repliesDue(limit).ifPresent(items -> sections.add(new Section("reviews-replies",
                "home.queue.reviews.replies", "reviews/replies", items)));
        return sections;
    }

    @Override
    public int order() {
        return 30;
    }
}
