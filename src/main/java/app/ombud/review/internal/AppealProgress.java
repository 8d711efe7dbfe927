package app.ombud.review.internal;

import app.ombud.panel.Choice;
import app.ombud.review.Appeal;
import app.ombud.review.AppealDecider;
import app.ombud.review.Rejudgment;
import app.ombud.review.ReviewStatus;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * How the appeal moves on: each function gives the appeal after one step, keeping what the step
 * does not touch. {@link ReviewDocument} checks that the step may be taken, moves the status and
 * logs it.
 */
final class AppealProgress {

    private AppealProgress() {
    }

    /** The owner's re-judgment: kept goes on to a panel; overturned is the final decision. */
    static Appeal rejudged(Appeal a, Rejudgment rejudgment, Instant now) {
        boolean keep = rejudgment.keep();
        return new Appeal(a.role(), a.by(), a.byName(), a.filedAt(), a.points(), rejudgment, null, null, null, null,
                keep ? null : Choice.OVERTURN, keep ? null : AppealDecider.WHITELIST_OWNER, keep ? null : now);
    }

    /** The sides named so far; the panel's ID once both are. */
    static Appeal sidesNamed(Appeal a, List<String> employees, List<String> reviewers, UUID panelId) {
        return new Appeal(a.role(), a.by(), a.byName(), a.filedAt(), a.points(), a.rejudgment(), employees, reviewers,
                panelId, null, null, null, null);
    }

    static Appeal panelNumbered(Appeal a, String panelNumber) {
        return decided(a, panelNumber, a.decision(), a.decidedBy(), a.decidedAt());
    }

    static Appeal decided(Appeal a, String panelNumber, Choice decision, AppealDecider by, Instant at) {
        return new Appeal(a.role(), a.by(), a.byName(), a.filedAt(), a.points(), a.rejudgment(), a.employeeSide(),
                a.reviewSide(), a.panelId(), panelNumber, decision, by, at);
    }

    /** Who cannot sit on the appeal's panel: the accused and the original judges. */
    static Set<String> excluded(ReviewDocument review) {
        Set<String> excluded = new LinkedHashSet<>();
        excluded.add(review.workOrder().accusedEmployeeId());
        if (review.verdict() != null) {
            excluded.add(review.verdict().by());
        }
        Appeal appeal = review.appeal();
        if (appeal != null && appeal.rejudgment() != null) {
            excluded.add(appeal.rejudgment().by());
        }
        return excluded;
    }

    /** The status the re-judgment leads to. */
    static ReviewStatus after(Rejudgment rejudgment) {
        return rejudgment.keep() ? ReviewStatus.PANEL_FORMING : ReviewStatus.FINAL;
    }
}
