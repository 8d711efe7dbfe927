package app.ombud.improvement.ui;

import app.ombud.complaint.ComplaintCase;
import app.ombud.complaint.ui.CaseAction;
import app.ombud.directory.DirectoryService;
import app.ombud.improvement.ImprovementService;
import app.ombud.improvement.ImprovementSource;
import app.ombud.improvement.SourceRef;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.WorkItems;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import java.time.Clock;
import java.util.Optional;

/** "Raise improvement action" on the page of a case judged valid (source VALID_COMPLAINT), for a person of the call center. */
@org.springframework.stereotype.Component
class RaiseFromCaseAction implements CaseAction {

    private final ImprovementService improvements;
    private final DirectoryService directory;
    private final Clock clock;

    RaiseFromCaseAction(ImprovementService improvements, DirectoryService directory, Clock clock) {
        this.improvements = improvements;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public Optional<Component> create(ComplaintCase subject, Runnable reload) {
        if (subject.validity() == null || !subject.validity().valid()
                || !CurrentActor.find().map(WorkItems::queueFor).orElse(false)) {
            return Optional.empty();
        }
        var button = new Button(UI.getCurrent().getTranslation("improvement.raise"), click -> RaiseImprovementDialog.open(
                UI.getCurrent(), improvements, directory, clock, ImprovementSource.VALID_COMPLAINT,
                new SourceRef("ComplaintCase", subject.id(), subject.number()),
                subject.assignment() == null ? null : subject.assignment().departmentId(),
                raised -> UI.getCurrent().navigate("improvements/" + raised.id())));
        button.setId("action-raise-improvement");
        return Optional.of(button);
    }
}
