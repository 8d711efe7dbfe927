package app.ombud.review.ui;

import app.ombud.directory.DirectoryService;
import app.ombud.platform.ui.CompanyTime;
import app.ombud.review.Review;
import app.ombud.review.ReviewQueries;
import app.ombud.review.ReviewQueue;
import app.ombud.review.ReviewStatus;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * The team lead's check (领班): work orders of the team submitted or returned by the review team,
 * the earliest due first; a check past the policy's hours is marked overdue.
 */
@Route("reviews/check")
@Menu(title = "nav.reviews.check", order = 21, icon = "vaadin:check-square-o")
@RolesAllowed({"TEAM_LEAD", "ADMIN"})
public class TeamLeadCheckView extends ReviewListView {

    public TeamLeadCheckView(ReviewQueries reviews, DirectoryService directory) {
        super(reviews, directory, ReviewQueue.TEAM_CHECK, "nav.reviews.check",
                List.of(ReviewStatus.SUBMITTED, ReviewStatus.RETURNED_TO_LEAD), true);
        grid.addColumn(r -> who(r.workOrder().submitterEmployeeId())).setHeader(t("review.list.submitter"))
                .setKey("submitter").setAutoWidth(true);
        grid.addColumn(r -> who(r.workOrder().accusedEmployeeId())).setHeader(t("review.list.accused"))
                .setKey("accused").setAutoWidth(true);
        grid.addColumn(r -> t("review.status." + r.status())).setHeader(t("review.list.status")).setKey("status")
                .setAutoWidth(true);
        grid.addColumn(r -> CompanyTime.time(r.checkDue())).setHeader(t("review.list.checkDue")).setKey("checkDue")
                .setAutoWidth(true);
        grid.addComponentColumn(r -> badge(overdue(r), t("review.list.overdue"))).setHeader(t("review.list.overdue"))
                .setKey("overdue").setAutoWidth(true);
    }

    /** Flagged by the check job and not yet checked. */
    static boolean overdue(Review r) {
        return r.checkOverdueAt() != null && r.status() == ReviewStatus.SUBMITTED;
    }
}
