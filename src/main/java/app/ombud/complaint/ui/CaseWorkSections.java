package app.ombud.complaint.ui;

import app.ombud.complaint.CaseWorkQueue;
import app.ombud.platform.ui.WorkQueue;
import java.util.List;

/** The home page's case lists: cases I handle, my team's or department's, new ones to dispatch. */
@org.springframework.stereotype.Component
class CaseWorkSections implements WorkQueue {

    private final CaseWorkQueue cases;

    CaseWorkSections(CaseWorkQueue cases) {
        this.cases = cases;
    }

    @Override
    public List<Section> sections(int limit) {
        return Section.present(
                Section.of("cases-mine", "home.queue.cases.mine", "cases", cases.handling(limit)),
                Section.of("cases-team", "home.queue.cases.team", "cases", cases.team(limit)),
                Section.of("cases-dispatch", "home.queue.cases.dispatch", "cases", cases.toDispatch(limit)));
    }

    @Override
    public int order() {
        return 10;
    }
}
