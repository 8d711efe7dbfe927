package app.ombud.improvement.ui;

import app.ombud.directory.DirectoryService;
import app.ombud.improvement.ImprovementScope;
import app.ombud.improvement.ImprovementService;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;

/** Open actions flagged overdue that I may see. */
@Route("improvements/overdue")
@Menu(title = "nav.improvements.overdue", order = 42, icon = "vaadin:alarm")
@RolesAllowed({"DEPT_HEAD", "LEADERSHIP", "ADMIN", "CALLTEST_STAFF"})
public class OverdueImprovementsView extends ImprovementListView {

    public OverdueImprovementsView(ImprovementService improvements, DirectoryService directory, Clock clock) {
        super(ImprovementScope.OVERDUE, "nav.improvements.overdue", improvements, directory, clock);
    }
}
