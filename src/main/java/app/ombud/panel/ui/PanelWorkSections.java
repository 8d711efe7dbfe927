package app.ombud.panel.ui;

import app.ombud.panel.PanelWorkQueue;
import app.ombud.platform.ui.WorkQueue;
import java.util.ArrayList;
import java.util.List;

/** The home page's panel lists: ballots to cast, and the site manager's decisions. */
@org.springframework.stereotype.Component
class PanelWorkSections implements WorkQueue {

    private final PanelWorkQueue panels;

    PanelWorkSections(PanelWorkQueue panels) {
        this.panels = panels;
    }

    @Override
    public List<Section> sections(int limit) {
        List<Section> sections = new ArrayList<>();
        panels.ballotsToCast(limit).ifPresent(items -> sections.add(new Section("panels-ballots",
                "home.queue.panels.ballots", "panels", items)));
        panels.decisionsAwaiting(limit).ifPresent(items -> sections.add(new Section("panels-decide",
                "home.queue.panels.decide", "panels/all", items)));
        return sections;
    }

    @Override
    public int order() {
        return 40;
    }
}
