package app.ombud.improvement.ui;

import app.ombud.directory.DirectoryService;
import app.ombud.improvement.ImprovementScope;
import app.ombud.improvement.ImprovementService;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;

/** The actions I own or raised. */
@Route("improvements/mine")
@Menu(title = "nav.improvements.mine", order = 40, icon = "vaadin:tasks")
@RolesAllowed({"AGENT", "TEAM_LEAD", "REVIEWER", "WHITELIST_OWNER", "DEPT_HEAD", "SUPERIOR", "LEADERSHIP", "SITE_MANAGER", "CALLTEST_STAFF", "ADMIN"})
public class MyImprovementsView extends ImprovementListView {

    public MyImprovementsView(ImprovementService improvements, DirectoryService directory, Clock clock) {
        super(ImprovementScope.MINE, "nav.improvements.mine", improvements, directory, clock);
    }
}
