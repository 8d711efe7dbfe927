package app.ombud.panel.ui;

import app.ombud.panel.Panel;
import app.ombud.panel.PanelService;
import app.ombud.panel.PanelStatus;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.OmbudException;
import app.ombud.platform.Role;
import app.ombud.platform.ui.GridPaging;
import app.ombud.platform.ui.Toasts;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.stream.Stream;

/**
 * All dispute panels the caller may see, newest first, by status. A site manager starts on
 * their queue: the panels that closed undecided and wait for their decision.
 */
@Route("panels/all")
@Menu(title = "nav.panels.all", order = 31, icon = "vaadin:scale")
@RolesAllowed({"SITE_MANAGER", "WHITELIST_OWNER", "REVIEWER", "ADMIN", "LEADERSHIP"})
public class PanelsView extends VerticalLayout implements HasDynamicTitle {

    final Select<PanelStatus> status = new Select<>();
    final Grid<Panel> grid = new Grid<>();

    public PanelsView(PanelService panels) {
        addClassName("ombud-view");
        setSizeFull();

        status.setLabel(t("panel.list.status"));
        status.setItems(PanelStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(t("common.all"));
        status.setItemLabelGenerator(s -> s == null ? t("common.all") : t("panel.status." + s));
        status.setId("filter-status");
        if (CurrentActor.find().filter(a -> a.has(Role.SITE_MANAGER)).isPresent()) {
            status.setValue(PanelStatus.AWAITING_SITE_MANAGER);
        }
        status.addValueChangeListener(change -> grid.getDataProvider().refreshAll());

        grid.setId("panels");
        PanelColumns.add(grid, this);
        PanelColumns.addResult(grid, this);
        grid.setItems(query -> {
            try {
                return panels.search(status.getValue(), GridPaging.startingAt(query.getOffset()), query.getLimit())
                        .stream();
            } catch (OmbudException e) {
                Toasts.error(e);
                return Stream.empty();
            }
        });
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate("panels/" + click.getItem().id())));
        grid.setSizeFull();

        var toolbar = new HorizontalLayout(status);
        toolbar.addClassName("ombud-toolbar");
        add(toolbar, grid);
        setFlexGrow(1, grid);
    }

    private String t(String key, Object... args) {
        return getTranslation(key, args);
    }

    @Override
    public String getPageTitle() {
        return t("nav.panels.all");
    }
}
