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

/** The judged reviews about the signed-in employee: the verdict in force and until when it may be appealed. */
@Route("reviews/about-me")
@Menu(title = "nav.reviews.aboutMe", order = 25, icon = "vaadin:user-check")
@RolesAllowed({"AGENT", "TEAM_LEAD", "REVIEWER"})
public class AboutMeView extends ReviewListView {

    public AboutMeView(ReviewQueries reviews, DirectoryService directory) {
        super(reviews, directory, ReviewQueue.ABOUT_ME, "nav.reviews.aboutMe", List.of(ReviewStatus.JUDGED,
                ReviewStatus.APPEALED, ReviewStatus.PANEL_FORMING, ReviewStatus.PANEL_VOTING, ReviewStatus.FINAL),
                false);
        grid.addColumn(r -> t("review.status." + r.status())).setHeader(t("review.list.status")).setKey("status")
                .setAutoWidth(true);
        grid.addColumn(r -> r.verdict() == null ? "" : t("review.judgmentType." + r.verdict().type()))
                .setHeader(t("review.list.verdictType")).setKey("type").setAutoWidth(true);
        grid.addColumn(r -> r.upheld() == null ? "" : t(r.upheld() ? "common.yes" : "common.no"))
                .setHeader(t("review.list.upheld")).setKey("upheld").setAutoWidth(true);
        grid.addColumn(AboutMeView::appealDue).setHeader(t("review.list.appealDue")).setKey("appealDue")
                .setAutoWidth(true);
    }

    /** Only while the verdict can still be appealed. */
    private static String appealDue(Review r) {
        return r.status() == ReviewStatus.JUDGED ? CompanyTime.time(r.appealDue()) : "";
    }
}
