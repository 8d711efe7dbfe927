package app.ombud.escalation.ui;

import app.ombud.escalation.EscalationWorkQueue;
import app.ombud.platform.ui.WorkQueue;
import java.util.List;

/** The home page's escalation lists: to review as the superior department, and the task force's work. */
@org.springframework.stereotype.Component
class EscalationWorkSections implements WorkQueue {

    private final EscalationWorkQueue escalations;

    EscalationWorkSections(EscalationWorkQueue escalations) {
        this.escalations = escalations;
    }

    @Override
    public List<Section> sections(int limit) {
        return Section.present(
                Section.of("escalations-review", "home.queue.escalations.review", "escalations", escalations.toReview(limit)),
                Section.of("escalations-task-force", "home.queue.escalations.taskForce", "escalations", escalations.taskForce(limit)));
    }

    @Override
    public int order() {
        return 20;
    }
}
