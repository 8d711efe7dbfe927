package app.ombud.platform.ui;

import app.ombud.platform.AuditTrail;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The audit trail for admins, newest first, narrowed by action prefix, actor, target and a time
 * range. Times are shown and entered in the company's time zone (Asia/Shanghai).
 */
@Route("admin/audit")
@Menu(title = "nav.audit", order = 91, icon = "vaadin:clipboard-text")
@RolesAllowed("ADMIN")
public class AuditLogView extends VerticalLayout implements HasDynamicTitle {

    private final TextField action = new TextField();
    private final TextField actor = new TextField();
    private final TextField target = new TextField();
    private final DateTimePicker from = new DateTimePicker();
    private final DateTimePicker to = new DateTimePicker();
    private final Grid<AuditTrail.Entry> grid = new Grid<>();
    private final ConfigurableFilterDataProvider<AuditTrail.Entry, Void, AuditTrail.Filter> entries;

    public AuditLogView(AuditTrail audit) {
        addClassName("ombud-view");
        setSizeFull();

        action.setLabel(getTranslation("audit.action"));
        action.setPlaceholder(getTranslation("audit.action.placeholder"));
        action.setId("audit-action");
        actor.setLabel(getTranslation("audit.actor"));
        actor.setId("audit-actor");
        target.setLabel(getTranslation("audit.target"));
        target.setId("audit-target");
        from.setLabel(getTranslation("audit.from"));
        from.setId("audit-from");
        to.setLabel(getTranslation("audit.to"));
        to.setId("audit-to");
        DateLimits.anyTime(from);
        DateLimits.anyTime(to);
        for (var field : new TextField[] {action, actor, target}) {
            field.setClearButtonVisible(true);
            field.addKeyPressListener(com.vaadin.flow.component.Key.ENTER, press -> applyFilter());
        }
        var search = new Button(getTranslation("common.search"), VaadinIcon.SEARCH.create(), click -> applyFilter());
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        search.setId("audit-search");
        var clear = new Button(getTranslation("audit.clear"), click -> {
            action.clear();
            actor.clear();
            target.clear();
            from.clear();
            to.clear();
            applyFilter();
        });
        clear.setId("audit-clear");
        var toolbar = new HorizontalLayout(action, actor, target, from, to, search, clear);
        toolbar.addClassName("ombud-toolbar");
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        toolbar.setWidthFull();

        grid.setId("audit-entries");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(entry -> GridPaging.time(entry.at())).setHeader(getTranslation("audit.time")).setKey("at")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(entry -> entry.actorKind() == null ? "" : getTranslation("actorkind." + entry.actorKind()))
                .setHeader(getTranslation("audit.actorKind")).setKey("actorKind").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditTrail.Entry::actor).setHeader(getTranslation("audit.actor")).setKey("actor")
                .setAutoWidth(true);
        grid.addColumn(AuditTrail.Entry::actorName).setHeader(getTranslation("audit.actorName")).setKey("actorName")
                .setAutoWidth(true);
        grid.addColumn(AuditTrail.Entry::action).setHeader(getTranslation("audit.action")).setKey("action")
                .setAutoWidth(true);
        grid.addColumn(entry -> join(entry.targetType(), entry.targetId())).setHeader(getTranslation("audit.target"))
                .setKey("target").setAutoWidth(true);
        grid.addColumn(entry -> details(entry.details())).setHeader(getTranslation("audit.details")).setKey("details")
                .setWidth("16em").setFlexGrow(1).setTooltipGenerator(entry -> details(entry.details()));
        grid.setSizeFull();

        DataProvider<AuditTrail.Entry, AuditTrail.Filter> lazy = DataProvider.fromFilteringCallbacks(
                query -> audit.page(query.getFilter().orElse(AuditTrail.Filter.NONE),
                        GridPaging.startingAt(query.getOffset()), query.getLimit()).stream(),
                query -> (int) audit.count(query.getFilter().orElse(AuditTrail.Filter.NONE)));
        entries = lazy.withConfigurableFilter();
        grid.setItems(entries);

        add(toolbar, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title");
    }

    private void applyFilter() {
        Instant start = instant(from.getValue());
        Instant end = instant(to.getValue());
        entries.setFilter(new AuditTrail.Filter(blankToNull(action.getValue()), blankToNull(actor.getValue()),
                blankToNull(target.getValue()), start, end));
    }

    /** What a person picks is a wall-clock time in the company's zone. */
    private static Instant instant(LocalDateTime local) {
        return local == null ? null : local.atZone(CompanyTime.zone()).toInstant();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String join(String type, String id) {
        if (type == null || type.isBlank()) {
            return id == null ? "" : id;
        }
        return id == null || id.isBlank() ? type : type + " " + id;
    }

    private static String details(Map<String, String> details) {
        if (details == null || details.isEmpty()) {
            return "";
        }
        return details.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }
}
