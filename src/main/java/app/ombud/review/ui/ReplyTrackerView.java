package app.ombud.review.ui;

import app.ombud.directory.DirectoryService;
import app.ombud.platform.ui.CompanyTime;
import app.ombud.policy.PolicyService;
import app.ombud.review.ReplyAttempt;
import app.ombud.review.ReplyStatus;
import app.ombud.review.Review;
import app.ombud.review.ReviewQueries;
import app.ombud.review.ReviewQueue;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.List;

/**
 * The replies still owed to customers (by phone, within the policy's hours, followed up daily),
 * the earliest due first: the attempts so far, the last one, and the days the customer was not
 * reached — the record the reply is judged by.
 */
@Route("reviews/replies")
@Menu(title = "nav.reviews.replies", order = 23, icon = "vaadin:phone")
@RolesAllowed({"REVIEWER", "WHITELIST_OWNER"})
public class ReplyTrackerView extends ReviewListView {

    private final ZoneId zone;

    public ReplyTrackerView(ReviewQueries reviews, DirectoryService directory, PolicyService policies) {
        super(reviews, directory, ReviewQueue.REPLIES, "nav.reviews.replies", List.of(), true);
        zone = policies.calendar().zone();
        grid.addColumn(r -> r.workOrder().contactNumber()).setHeader(t("review.list.contactNumber"))
                .setKey("contact").setAutoWidth(true);
        grid.addColumn(r -> t("review.replyStatus." + r.reply().status())).setHeader(t("review.list.replyStatus"))
                .setKey("replyStatus").setAutoWidth(true);
        grid.addColumn(r -> CompanyTime.time(r.reply().due())).setHeader(t("review.list.replyDue")).setKey("due")
                .setAutoWidth(true);
        grid.addComponentColumn(r -> badge(overdue(r), t("review.list.overdue"))).setHeader(t("review.list.overdue"))
                .setKey("overdue").setAutoWidth(true);
        grid.addColumn(r -> r.reply().attempts().size()).setHeader(t("review.list.attempts")).setKey("attempts")
                .setAutoWidth(true);
        grid.addColumn(this::lastAttempt).setHeader(t("review.list.lastAttempt")).setKey("lastAttempt")
                .setAutoWidth(true);
        grid.addColumn(r -> r.reply().failedDays(zone)).setHeader(t("review.list.failedDays")).setKey("failedDays")
                .setAutoWidth(true);
    }

    /** Flagged by the reply job and still owed. */
    static boolean overdue(Review r) {
        return r.reply() != null && r.reply().overdueAt() != null && r.reply().status() == ReplyStatus.PENDING;
    }

    private String lastAttempt(Review r) {
        List<ReplyAttempt> attempts = r.reply().attempts();
        if (attempts.isEmpty()) {
            return t("review.list.noAttempt");
        }
        ReplyAttempt last = attempts.getLast();
        return t("review.replyOutcome." + last.outcome()) + " · " + CompanyTime.time(last.at());
    }

    /** Company-local days with a call that did not reach the customer; the follow-up counts these. */
}
