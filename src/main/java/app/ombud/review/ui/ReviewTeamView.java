package app.ombud.review.ui;

import app.ombud.directory.DirectoryService;
import app.ombud.platform.ui.CompanyTime;
import app.ombud.review.Review;
import app.ombud.review.ReviewQueries;
import app.ombud.review.ReviewQueue;
import app.ombud.review.ReviewRoute;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * The review team's work: reviews with the team, oldest first, each with where it was routed and
 * the task it waits for — verify the recording, call the other side, wait for its answer, or judge.
 */
@Route("reviews/team")
@Menu(title = "nav.reviews.team", order = 22, icon = "vaadin:gavel")
@RolesAllowed({"REVIEWER", "WHITELIST_OWNER"})
public class ReviewTeamView extends ReviewListView {

    public ReviewTeamView(ReviewQueries reviews, DirectoryService directory) {
        super(reviews, directory, ReviewQueue.REVIEW_TEAM, "nav.reviews.team", List.of(), false);
        grid.addColumn(r -> who(r.workOrder().accusedEmployeeId())).setHeader(t("review.list.accused"))
                .setKey("accused").setAutoWidth(true);
        grid.addColumn(this::group).setHeader(t("review.list.route")).setKey("route").setAutoWidth(true);
        grid.addColumn(this::task).setHeader(t("review.list.task")).setKey("task").setFlexGrow(2);
        grid.addColumn(r -> r.assignee() == null ? t("review.list.unassigned") : who(r.assignee()))
                .setHeader(t("review.list.assignee")).setKey("assignee").setAutoWidth(true);
        grid.addColumn(r -> CompanyTime.time(r.submittedAt())).setHeader(t("review.list.submittedAt"))
                .setKey("submitted").setAutoWidth(true);

        var transfer = new Button(t("review.list.registerTransfer"), VaadinIcon.EXCHANGE.create(),
                click -> getUI().ifPresent(ui -> ui.navigate(TransferInView.class)));
        transfer.setId("register-transfer");
        toolbar.addComponentAsFirst(transfer);
    }

    private String group(Review r) {
        ReviewRoute route = r.route();
        if (route == null) {
            return t("review.list.unrouted");
        }
        return route.groupName() == null ? route.group() : route.groupName().in(getLocale());
    }

    /** The open task of the review, in words. */
    String task(Review r) {
        Review.Task task = r.openTask();
        if (task == null) {
            return "";
        }
        return switch (task) {
            case ROUTE -> t("review.list.task.route");
            case VERIFY -> t("review.list.task.verify");
            case CALL -> t("review.list.task.call", r.route().notifyNumber());
            case AWAIT_ANSWER -> t("review.list.task.waiting", r.sideNotice().number(),
                    CompanyTime.time(r.sideNotice().calledAt()));
            case JUDGE -> t("review.list.task.judge");
        };
    }
}
