package app.ombud.complaint.ui;

import app.ombud.complaint.CaseWorkQueue;
import app.ombud.platform.ui.WorkQueue;
import java.util.ArrayList;
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
        List<Section> sections = new ArrayList<>();
        cases.handling(limit).ifPresent(items -> sections.add(new Section("cases-mine", "home.queue.cases.mine",
                "cases", items)));
        cases.team(limit).ifPresent(items -> sections.add(new Section("cases-team", "home.queue.cases.team",
                "cases", items)));
        cases.toDispatch(limit).ifPresent(items -> sections.add(new Section("cases-dispatch",
                "home.queue.cases.dispatch", "cases", items)));
        return sections;
    }

    @Override
    public int order() {
        return 10;
    }
}
