package app.ombud.improvement.ui;

import app.ombud.directory.DirectoryService;
import app.ombud.improvement.ImprovementScope;
import app.ombud.improvement.ImprovementService;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;

/** Every action I may see (leadership and admins: all; the test-call group: those from test calls and their own). */
@Route("improvements")
@Menu(title = "nav.improvements.all", order = 43, icon = "vaadin:list")
@RolesAllowed({"LEADERSHIP", "ADMIN", "CALLTEST_STAFF"})
public class AllImprovementsView extends ImprovementListView {

    public AllImprovementsView(ImprovementService improvements, DirectoryService directory, Clock clock) {
        super(ImprovementScope.ALL, "nav.improvements.all", improvements, directory, clock);
    }
}
