package app.ombud.improvement.ui;

import app.ombud.directory.Department;
import app.ombud.directory.DirectoryService;
import app.ombud.improvement.ImprovementAction;
import app.ombud.improvement.ImprovementScope;
import app.ombud.improvement.ImprovementService;
import app.ombud.improvement.ImprovementSource;
import app.ombud.improvement.ImprovementStatus;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.OmbudException;
import app.ombud.platform.WorkItems;
import app.ombud.platform.ui.GridPaging;
import app.ombud.platform.ui.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A list of improvement actions (mine, my department's, overdue, all), always within what this
 * person may see (the service decides), earliest due first, with a status filter; overdue ones
 * badged. A person of the call center raises an action by hand (MANUAL) from here.
 */
public abstract class ImprovementListView extends VerticalLayout implements HasDynamicTitle {

    final Select<ImprovementStatus> status = new Select<>();
    final Grid<ImprovementAction> grid = new Grid<>();
    private final String titleKey;

    protected ImprovementListView(ImprovementScope scope, String titleKey, ImprovementService improvements,
            DirectoryService directory, Clock clock) {
        this.titleKey = titleKey;
        addClassName("ombud-view");
        setSizeFull();
        Map<UUID, String> departments = directory.allDepartments().stream()
                .collect(Collectors.toMap(Department::id, Department::name, (a, b) -> a));

        status.setLabel(t("improvement.status"));
        status.setItems(ImprovementStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(t("common.all"));
        status.setItemLabelGenerator(s -> s == null ? t("common.all") : t("improvement.status." + s));
        status.setId("filter-status");
        status.addValueChangeListener(change -> grid.getDataProvider().refreshAll());

        grid.setId("improvements");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(ImprovementAction::number).setHeader(t("improvement.number")).setKey("number")
                .setAutoWidth(true);
        grid.addColumn(ImprovementAction::title).setHeader(t("improvement.title")).setKey("title").setFlexGrow(2);
        grid.addColumn(a -> t("improvement.source." + a.source())).setHeader(t("improvement.source")).setKey("source")
                .setAutoWidth(true);
        grid.addColumn(a -> departments.getOrDefault(a.departmentId(), "")).setHeader(t("improvement.department"))
                .setKey("department").setAutoWidth(true);
        grid.addColumn(ImprovementAction::ownerEmployeeId).setHeader(t("improvement.owner")).setKey("owner")
                .setAutoWidth(true);
        grid.addColumn(a -> a.dueDate().toString()).setHeader(t("improvement.dueDate")).setKey("due")
                .setAutoWidth(true);
        grid.addColumn(a -> t("improvement.status." + a.status())).setHeader(t("improvement.status")).setKey("status")
                .setAutoWidth(true);
        grid.addComponentColumn(ImprovementListView::overdueBadge).setHeader(t("improvement.overdue"))
                .setKey("overdue").setAutoWidth(true);
        grid.setItems(query -> {
            try {
                return improvements.search(scope, status.getValue(), GridPaging.startingAt(query.getOffset()),
                        query.getLimit()).stream();
            } catch (OmbudException e) {
                Toasts.error(e);
                return Stream.empty();
            }
        });
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate("improvements/" + click.getItem().id())));
        grid.setSizeFull();

        var toolbar = new HorizontalLayout(status);
        toolbar.addClassName("ombud-toolbar");
        if (CurrentActor.find().map(WorkItems::queueFor).orElse(false)) {
            var raise = new Button(t("improvement.raise"), click -> RaiseImprovementDialog.open(this, improvements,
                    directory, clock, ImprovementSource.MANUAL, null, null,
                    raised -> getUI().ifPresent(ui -> ui.navigate("improvements/" + raised.id()))));
            raise.setId("improvement-raise");
            toolbar.add(raise);
        }
        add(toolbar, grid);
        setFlexGrow(1, grid);
    }

    static Span overdueBadge(ImprovementAction a) {
        var badge = new Span();
        if (a.overdue()) {
            badge.setText(badge.getTranslation("improvement.overdue"));
        }
        badge.addClassNames("ombud-badge", "ombud-badge-error");
        badge.setVisible(a.overdue());
        return badge;
    }

    private String t(String key, Object... args) {
        return getTranslation(key, args);
    }

    @Override
    public String getPageTitle() {
        return t(titleKey);
    }
}
