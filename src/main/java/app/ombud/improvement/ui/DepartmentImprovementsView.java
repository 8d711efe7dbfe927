package app.ombud.improvement.ui;

import app.ombud.directory.DirectoryService;
import app.ombud.improvement.ImprovementScope;
import app.ombud.improvement.ImprovementService;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;

/** The actions of the department I head. */
@Route("improvements/department")
@Menu(title = "nav.improvements.department", order = 41, icon = "vaadin:sitemap")
@RolesAllowed({"DEPT_HEAD"})
public class DepartmentImprovementsView extends ImprovementListView {

    public DepartmentImprovementsView(ImprovementService improvements, DirectoryService directory, Clock clock) {
        super(ImprovementScope.DEPARTMENT, "nav.improvements.department", improvements, directory, clock);
    }
}
