package app.ombud.calltest.ui;

import app.ombud.calltest.Appraisals;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * A person's test-call appraisal of a period (拨测考核) for their appraisers: the team lead, the
 * department head, leadership, the test-call staff and admins (the service decides whose).
 */
@Route("test-call-appraisal")
@Menu(title = "nav.calltest.appraisal", order = 46.5, icon = "vaadin:clipboard-user")
@RolesAllowed({"TEAM_LEAD", "DEPT_HEAD", "LEADERSHIP", "CALLTEST_STAFF", "ADMIN"})
public class AppraisalView extends VerticalLayout implements HasDynamicTitle {

    final AppraisalPanel panel;

    public AppraisalView(Appraisals appraisals) {
        addClassName("ombud-view");
        setSizeFull();
        panel = new AppraisalPanel(appraisals, null);
        add(panel);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.calltest.appraisal");
    }
}
