package app.ombud.escalation.ui;

import app.ombud.escalation.Escalation;
import app.ombud.escalation.EscalationService;
import app.ombud.escalation.EscalationStatus;
import app.ombud.platform.OmbudException;
import app.ombud.platform.ui.CompanyTime;
import app.ombud.platform.ui.GridPaging;
import app.ombud.platform.ui.Toasts;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.stream.Stream;

/**
 * The escalation queue: the escalations this person may see (the superior department's head
 * sees those sent to it), newest first; "overdue only" for reviews past their due time.
 */
@Route("escalations")
@Menu(title = "nav.escalations", order = 11, icon = "vaadin:level-up")
@RolesAllowed({"AGENT", "TEAM_LEAD", "DEPT_HEAD", "SUPERIOR", "LEADERSHIP", "ADMIN", "BI_READER"})
public class EscalationQueueView extends VerticalLayout implements HasDynamicTitle {

    final Select<EscalationStatus> status = new Select<>();
    final Checkbox overdueOnly = new Checkbox();
    final Grid<Escalation> grid = new Grid<>();

    public EscalationQueueView(EscalationService escalations) {
        addClassName("ombud-view");
        setSizeFull();

        status.setLabel(t("escalation.status"));
        status.setItems(EscalationStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(t("common.all"));
        status.setItemLabelGenerator(s -> s == null ? t("common.all") : t("escalation.status." + s));
        status.setId("filter-status");
        status.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        overdueOnly.setLabel(t("escalation.overdueOnly"));
        overdueOnly.setId("filter-overdue");
        overdueOnly.addValueChangeListener(change -> grid.getDataProvider().refreshAll());

        grid.setId("escalations");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(Escalation::number).setHeader(t("escalation.number")).setKey("number").setAutoWidth(true);
        grid.addColumn(Escalation::caseNumber).setHeader(t("escalation.case")).setKey("case").setAutoWidth(true);
        grid.addColumn(e -> t("escalation.trigger." + e.trigger())).setHeader(t("escalation.trigger"))
                .setKey("trigger").setAutoWidth(true);
        grid.addColumn(e -> t("escalation.status." + e.status())).setHeader(t("escalation.status")).setKey("status")
                .setAutoWidth(true);
        grid.addColumn(e -> CompanyTime.time(e.raisedAt())).setHeader(t("escalation.raisedAt")).setKey("raised")
                .setAutoWidth(true);
        grid.addColumn(e -> CompanyTime.time(e.reviewDue())).setHeader(t("escalation.reviewDue")).setKey("reviewDue")
                .setAutoWidth(true);
        grid.addComponentColumn(EscalationQueueView::overdueBadge).setHeader(t("escalation.overdue")).setKey("overdue")
                .setAutoWidth(true);
        grid.setItems(query -> {
            try {
                return escalations.search(status.getValue(), overdueOnly.getValue(),
                        GridPaging.startingAt(query.getOffset()), query.getLimit()).stream();
            } catch (OmbudException e) {
                Toasts.error(e);
                return Stream.empty();
            }
        });
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate("escalations/" + click.getItem().id())));
        grid.setSizeFull();

        var toolbar = new HorizontalLayout(status, overdueOnly);
        toolbar.addClassName("ombud-toolbar");
        add(toolbar, grid);
        setFlexGrow(1, grid);
    }

    /** Overdue while the review is still open. */
    static boolean overdue(Escalation e) {
        return e.reviewOverdueAt() != null && e.status() == EscalationStatus.SUBMITTED;
    }

    static Span overdueBadge(Escalation e) {
        var badge = new Span();
        if (overdue(e)) {
            badge.setText(badge.getTranslation("escalation.overdue"));
        }
        badge.addClassNames("ombud-badge", "ombud-badge-error");
        badge.setVisible(overdue(e));
        return badge;
    }

    private String t(String key, Object... args) {
        return getTranslation(key, args);
    }

    @Override
    public String getPageTitle() {
        return t("nav.escalations");
    }
}
