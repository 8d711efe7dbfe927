package app.ombud.review;

import app.ombud.platform.Actor;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.Role;
import app.ombud.platform.WorkItems;
import app.ombud.policy.PolicyService;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The caller's open reviews for the home page, read through the review lists themselves (so the
 * home page shows the head of the same list its "all" link opens): work orders to check (team
 * leads), reviews with the review team to take and judge, replies to customers still owed
 * (reviewers, whitelist owners). Absent for a caller without the role.
 */
@Service
public class ReviewWorkQueue {

    private final ReviewQueries reviews;
    private final PolicyService policy;
    private final Clock clock;

    ReviewWorkQueue(ReviewQueries reviews, PolicyService policy, Clock clock) {
        this.reviews = reviews;
        this.policy = policy;
        this.clock = clock;
    }

    /** Work orders of the team lead's team waiting for the check, the earliest due first. */
    @PreAuthorize("isAuthenticated()")
    public Optional<WorkItems> toCheck(int limit) {
        return list(Role.TEAM_LEAD, ReviewQueue.TEAM_CHECK, limit, r -> new Due(r.checkDue(),
                r.status() == ReviewStatus.SUBMITTED && r.checkOverdueAt() != null));
    }

    /** Reviews with the review team (to take, verify, judge), the oldest first. */
    @PreAuthorize("isAuthenticated()")
    public Optional<WorkItems> withReviewTeam(int limit) {
        return list(Role.REVIEWER, ReviewQueue.REVIEW_TEAM, limit, r -> new Due(null, false));
    }

    /** Replies to customers still owed, the earliest due first. */
    @PreAuthorize("isAuthenticated()")
    public Optional<WorkItems> repliesDue(int limit) {
        return list(Role.REVIEWER, ReviewQueue.REPLIES, limit, r -> new Due(r.reply().due(),
                r.reply().overdueAt() != null));
    }

    private record Due(Instant at, boolean flagged) {
    }

    private Optional<WorkItems> list(Role role, ReviewQueue queue, int limit, Function<Review, Due> due) {
        Actor actor = CurrentActor.required();
        boolean reviewTeam = role == Role.REVIEWER && actor.hasAny(Role.REVIEWER, Role.WHITELIST_OWNER);
        if (!actor.namesPerson() || !actor.has(role) && !reviewTeam) {
            return Optional.empty();
        }
        long total = reviews.count(queue, ReviewFilter.ALL);
        var page = reviews.search(queue, ReviewFilter.ALL, ScrollPosition.offset(), limit).getContent();
        Instant now = clock.instant();
        var zone = policy.calendar().zone();
        return Optional.of(WorkItems.of(total, page, r -> {
            Due d = due.apply(r);
            return new WorkItems.Item(r.number(), r.workOrder().topic(), "review.status." + r.status(),
                    "reviews/" + r.id(), d.at(), WorkItems.Urgency.of(d.at(), d.flagged(), now, zone));
        }));
    }
}
