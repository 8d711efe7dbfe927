package app.ombud.review.ui;

import app.ombud.directory.DirectoryService;
import app.ombud.platform.ui.CompanyTime;
import app.ombud.review.ReviewQueries;
import app.ombud.review.ReviewQueue;
import app.ombud.review.ReviewStatus;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/** The work orders the signed-in employee submitted, newest first, and a new one. */
@Route("reviews/mine")
@Menu(title = "nav.reviews.mine", order = 20, icon = "vaadin:clipboard-user")
@RolesAllowed({"AGENT", "TEAM_LEAD"})
public class MyWorkOrdersView extends ReviewListView {

    public MyWorkOrdersView(ReviewQueries reviews, DirectoryService directory) {
        super(reviews, directory, ReviewQueue.MINE, "nav.reviews.mine", List.of(ReviewStatus.values()), false);
        grid.addColumn(r -> who(r.workOrder().accusedEmployeeId())).setHeader(t("review.list.accused"))
                .setKey("accused").setAutoWidth(true);
        grid.addColumn(r -> r.workOrder().topic()).setHeader(t("review.list.topic")).setKey("topic")
                .setAutoWidth(true);
        grid.addColumn(r -> t("review.status." + r.status())).setHeader(t("review.list.status")).setKey("status")
                .setAutoWidth(true);
        grid.addColumn(r -> CompanyTime.time(r.submittedAt())).setHeader(t("review.list.submittedAt"))
                .setKey("submitted").setAutoWidth(true);

        var create = new Button(t("nav.reviews.new"), VaadinIcon.PLUS.create(),
                click -> getUI().ifPresent(ui -> ui.navigate(WorkOrderFormView.class)));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("new-work-order");
        toolbar.addComponentAsFirst(create);
    }
}
