package app.ombud.review.ui;

import app.ombud.directory.DirectoryService;
import app.ombud.review.Appeal;
import app.ombud.review.Review;
import app.ombud.review.ReviewQueries;
import app.ombud.review.ReviewQueue;
import app.ombud.review.ReviewStatus;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/** Appealed verdicts on their way: re-judged by the whitelist owner, then a panel if the owner keeps it. */
@Route("reviews/appeals")
@Menu(title = "nav.reviews.appeals", order = 24, icon = "vaadin:scale-unbalance")
@RolesAllowed({"WHITELIST_OWNER", "SITE_MANAGER", "REVIEWER", "ADMIN"})
public class AppealsView extends ReviewListView {

    public AppealsView(ReviewQueries reviews, DirectoryService directory) {
        super(reviews, directory, ReviewQueue.APPEALS, "nav.reviews.appeals",
                List.of(ReviewStatus.APPEALED, ReviewStatus.PANEL_FORMING, ReviewStatus.PANEL_VOTING), false);
        grid.addColumn(r -> who(r.workOrder().accusedEmployeeId())).setHeader(t("review.list.accused"))
                .setKey("accused").setAutoWidth(true);
        grid.addColumn(r -> t("review.status." + r.status())).setHeader(t("review.list.status")).setKey("status")
                .setAutoWidth(true);
        grid.addColumn(this::appellant).setHeader(t("review.list.appellant")).setKey("appellant").setAutoWidth(true);
        grid.addColumn(r -> r.appeal() == null || r.appeal().panelNumber() == null ? "" : r.appeal().panelNumber())
                .setHeader(t("review.list.panel")).setKey("panel").setAutoWidth(true);
    }

    private String appellant(Review r) {
        Appeal appeal = r.appeal();
        if (appeal == null) {
            return "";
        }
        String role = appeal.role() == null ? "" : t("review.appellant." + appeal.role());
        String name = appeal.byName() == null || appeal.byName().isBlank() ? appeal.by() : appeal.byName();
        return name == null ? role : role + " · " + name;
    }
}
