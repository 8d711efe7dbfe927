package app.ombud.review.internal;

import app.ombud.platform.Actor;
import app.ombud.platform.Role;
import app.ombud.review.AppellantRole;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Who the caller is to a review: the submitter, the team lead of the submitter's or of the
 * accused's team, the review team, a whitelist owner, the accused, the judge, the appellant, ...
 * Resolved once per request ({@link ReviewCallers#current()}, at most one directory call: the
 * caller's team, for team leads) and then asked about any number of reviews, so a page of reviews
 * costs no more than one.
 *
 * @param actor the caller
 * @param team the caller's team when they are a team lead (what their team-lead rights reach), else null
 * @param now the time of the request (the appeal window)
 */
public record ReviewCaller(Actor actor, UUID team, Instant now) {

    /** Whether the caller is a person known by employee ID; every step on a review is a person's. */
    public boolean person() {
        return actor.namesPerson();
    }

    /** The name the review keeps for the caller (submitter, assignee, side members). */
    public String me() {
        return actor.key();
    }

    public boolean has(Role role) {
        return actor.has(role);
    }

    /** The review team: reviewers and whitelist owners. */
    public boolean reviewTeam() {
        return actor.hasAny(Role.REVIEWER, Role.WHITELIST_OWNER);
    }

    boolean submitterOf(ReviewDocument review) {
        return me().equals(review.workOrder().submitterEmployeeId()) || actor.subject().equals(review.submittedBy());
    }

    /** The team lead of the submitter's team (any team lead when the submitter has none), or an admin. */
    boolean teamLeadOf(ReviewDocument review) {
        if (actor.has(Role.ADMIN)) {
            return true;
        }
        return actor.has(Role.TEAM_LEAD) && (review.submitterTeamId() == null
                || review.submitterTeamId().equals(team));
    }

    boolean accusedIn(ReviewDocument review) {
        return me().equals(review.workOrder().accusedEmployeeId());
    }

    /** The one who gave the verdict. */
    boolean judgeOf(ReviewDocument review) {
        return review.verdict() != null && actor.subject().equals(review.verdict().by());
    }

    /** As whom the caller may appeal the verdict: the accused, or the team lead of the accused's team. */
    public Optional<AppellantRole> appellantRole(ReviewDocument review) {
        if (actor.employeeId() != null && actor.employeeId().equals(review.workOrder().accusedEmployeeId())) {
            return Optional.of(AppellantRole.ACCUSED);
        }
        if (actor.has(Role.TEAM_LEAD) && review.accusedTeamId() != null && review.accusedTeamId().equals(team)) {
            return Optional.of(AppellantRole.TEAM_LEAD);
        }
        return Optional.empty();
    }

    /** The appellant, or who could have appealed (the accused or their team lead). */
    boolean employeeSideOf(ReviewDocument review) {
        return appellantRole(review).isPresent()
                || (review.appeal() != null && actor.subject().equals(review.appeal().by()));
    }
}
