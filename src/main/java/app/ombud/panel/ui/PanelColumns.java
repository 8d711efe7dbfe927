package app.ombud.panel.ui;

import app.ombud.panel.Panel;
import app.ombud.panel.PanelStatus;
import app.ombud.platform.ui.GridPaging;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;

/**
 * The columns both panel lists share. A list shows how many have voted, never who or how; the
 * result appears once voting has ended.
 */
final class PanelColumns {

    private PanelColumns() {
    }

    static void add(Grid<Panel> grid, Component view) {
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(Panel::number).setHeader(t(view, "panel.list.number")).setKey("number").setAutoWidth(true);
        grid.addColumn(Panel::subjectNumber).setHeader(t(view, "panel.list.subject")).setKey("subject")
                .setAutoWidth(true);
        grid.addColumn(p -> t(view, "panel.status." + p.status())).setHeader(t(view, "panel.list.status"))
                .setKey("status").setAutoWidth(true);
        grid.addColumn(p -> t(view, "panel.list.votedValue", p.votedCount(), p.seatCount()))
                .setHeader(t(view, "panel.list.voted")).setKey("voted").setAutoWidth(true);
        grid.addColumn(p -> GridPaging.time(p.closesAt())).setHeader(t(view, "panel.list.closesAt"))
                .setKey("closesAt").setAutoWidth(true);
    }

    static void addResult(Grid<Panel> grid, Component view) {
        grid.addColumn(p -> result(view, p)).setHeader(t(view, "panel.list.result")).setKey("result")
                .setFlexGrow(1);
    }

    /** Nothing while voting; the undecided outcome while the site manager decides; then the final decision and who made it. */
    static String result(Component view, Panel p) {
        if (p.status() == PanelStatus.VOTING || p.outcome() == null) {
            return "";
        }
        if (p.finalDecision() == null) {
            return t(view, "panel.outcome." + p.outcome());
        }
        return t(view, "panel.list.final", t(view, "panel.choice." + p.finalDecision()),
                t(view, "panel.decidedBy." + p.decidedBy()));
    }

    private static String t(Component view, String key, Object... args) {
        return view.getTranslation(key, args);
    }
}
