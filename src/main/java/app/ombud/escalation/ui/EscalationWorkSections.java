package app.ombud.escalation.ui;

import app.ombud.escalation.EscalationWorkQueue;
import app.ombud.platform.ui.WorkQueue;
import java.util.ArrayList;
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
        List<Section> sections = new ArrayList<>();
        escalations.toReview(limit).ifPresent(items -> sections.add(new Section("escalations-review",
                "home.queue.escalations.review", "escalations", items)));
        escalations.taskForce(limit).ifPresent(items -> sections.add(new Section("escalations-task-force",
                "home.queue.escalations.taskForce", "escalations", items)));
        return sections;
    }

    @Override
    public int order() {
        return 20;
    }
}
