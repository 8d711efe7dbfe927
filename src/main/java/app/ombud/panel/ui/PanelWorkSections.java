package app.ombud.panel.ui;

import app.ombud.panel.PanelWorkQueue;
import app.ombud.platform.ui.WorkQueue;
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
        return Section.present(
                Section.of("panels-ballots", "home.queue.panels.ballots", "panels", panels.ballotsToCast(limit)),
                Section.of("panels-decide", "home.queue.panels.decide", "panels/all", panels.decisionsAwaiting(limit)));
    }

    @Override
    public int order() {
        return 40;
    }
}
