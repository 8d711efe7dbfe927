package app.ombud.panel.ui;

import app.ombud.panel.Panel;
import app.ombud.panel.PanelService;
import app.ombud.platform.OmbudException;
import app.ombud.platform.ui.GridPaging;
import app.ombud.platform.ui.Toasts;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.stream.Stream;

/**
 * "My ballots": the panels where this person holds a seat, newest first. Anyone may sit on a
 * panel, so every signed-in person has this page; it says whether they voted, never how.
 */
@Route("panels")
@Menu(title = "nav.panels", order = 30, icon = "vaadin:check-square")
@PermitAll
public class MyBallotsView extends VerticalLayout implements HasDynamicTitle {

    final Grid<Panel> grid = new Grid<>();
    final Paragraph empty = new Paragraph();

    public MyBallotsView(PanelService panels) {
        addClassName("ombud-view");
        setSizeFull();

        var intro = new Paragraph(t("panel.list.intro"));
        intro.addClassName("ombud-muted");
        empty.setText(t("panel.list.empty"));
        empty.setId("my-ballots-empty");

        grid.setId("my-ballots");
        PanelColumns.add(grid, this);
        grid.addColumn(p -> p.viewerHasVoted() ? "✓" : "—").setHeader(t("panel.list.mine")).setKey("mine")
                .setAutoWidth(true);
        PanelColumns.addResult(grid, this);
        grid.setItems(query -> {
            try {
                return panels.mine(GridPaging.startingAt(query.getOffset()), query.getLimit()).stream();
            } catch (OmbudException e) {
                Toasts.error(e);
                return Stream.empty();
            }
        });
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate("panels/" + click.getItem().id())));
        grid.setSizeFull();

        boolean seated = panels.countMine() > 0;
        grid.setVisible(seated);
        empty.setVisible(!seated);
        add(intro, empty, grid);
        setFlexGrow(1, grid);
    }

    private String t(String key, Object... args) {
        return getTranslation(key, args);
    }

    @Override
    public String getPageTitle() {
        return t("nav.panels");
    }
}
