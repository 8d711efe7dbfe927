package app.ombud.improvement.ui;

import app.ombud.directory.DirectoryService;
import app.ombud.directory.Person;
import app.ombud.improvement.ImprovementService;
import app.ombud.improvement.ImprovementSource;
import app.ombud.improvement.SourceRef;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.Role;
import app.ombud.platform.WorkItems;
import app.ombud.review.Review;
import app.ombud.review.ui.ReviewAction;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import java.time.Clock;
import java.util.Optional;

/**
 * "Raise improvement action" on the page of a review whose verdict in force is upheld (source
 * REVIEW_VERDICT), for the review side (REVIEWER, WHITELIST_OWNER), team leads, department heads,
 * leadership and admins — never the accused; the accused's department is preselected.
 */
@org.springframework.stereotype.Component
class RaiseFromReviewAction implements ReviewAction {

    /** Who raises from a verdict: the review side and the accused's leads, never the accused. */
    private static final Role[] RAISERS = {Role.REVIEWER, Role.WHITELIST_OWNER, Role.TEAM_LEAD, Role.DEPT_HEAD,
        Role.LEADERSHIP, Role.ADMIN};

    private final ImprovementService improvements;
    private final DirectoryService directory;
    private final Clock clock;

    RaiseFromReviewAction(ImprovementService improvements, DirectoryService directory, Clock clock) {
        this.improvements = improvements;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public Optional<Component> create(Review review, Runnable reload) {
        String accused = review.workOrder() == null ? null : review.workOrder().accusedEmployeeId();
        if (!Boolean.TRUE.equals(review.upheld()) || review.verdict() == null
                || !CurrentActor.find().filter(WorkItems::queueFor).filter(a -> a.hasAny(RAISERS))
                        .filter(a -> !a.key().equals(accused)).isPresent()) {
            return Optional.empty();
        }
        var button = new Button(UI.getCurrent().getTranslation("improvement.raise"), click -> {
            var department = accused == null ? null
                    : directory.personByEmployeeId(accused).map(Person::departmentId).orElse(null);
            RaiseImprovementDialog.open(UI.getCurrent(), improvements, directory, clock,
                    ImprovementSource.REVIEW_VERDICT, new SourceRef("Review", review.id(), review.number()),
                    department, raised -> UI.getCurrent().navigate("improvements/" + raised.id()));
        });
        button.setId("action-raise-improvement");
        return Optional.of(button);
    }
}
