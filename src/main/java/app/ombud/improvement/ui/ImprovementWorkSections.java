package app.ombud.improvement.ui;

import app.ombud.improvement.ImprovementWorkQueue;
import app.ombud.platform.ui.WorkQueue;
import java.util.List;

/** The home page's improvement lists: actions I own, and actions waiting for my verification. */
@org.springframework.stereotype.Component
class ImprovementWorkSections implements WorkQueue {

    private final ImprovementWorkQueue improvements;

    ImprovementWorkSections(ImprovementWorkQueue improvements) {
        this.improvements = improvements;
    }

    @Override
    public List<Section> sections(int limit) {
        return Section.present(
                Section.of("improvements-owned", "home.queue.improvements.owned", "improvements/mine",
                        improvements.owned(limit)),
                Section.of("improvements-verify", "home.queue.improvements.verify", "improvements/mine",
                        improvements.toVerify(limit)));
    }

    @Override
    public int order() {
        return 50;
    }
}
