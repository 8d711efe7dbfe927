package app.ombud.notification.ui;

import app.ombud.platform.ui.CompanyTime;
import app.ombud.notification.Notification;
import app.ombud.notification.NotificationService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import app.ombud.platform.ui.GridPaging;

/** All my notifications, newest first, with unread ones marked. */
@Route("notifications")
@Menu(title = "nav.notifications", order = 90, icon = "vaadin:bell")
@PermitAll
class NotificationsView extends VerticalLayout implements HasDynamicTitle {

    NotificationsView(NotificationService notifications) {
        addClassName("ombud-view");
        setSizeFull();
        var unreadOnly = new Checkbox(getTranslation("notification.unread-only"));
        var grid = new Grid<Notification>();
        grid.addColumn(n -> n.unread() ? "●" : "").setHeader("").setWidth("3em").setFlexGrow(0);
        grid.addColumn(n -> getTranslation(n.messageKey(), n.args().toArray()))
                .setHeader(getTranslation("notification.text")).setFlexGrow(4);
        grid.addColumn(n -> NotificationBell.TIME.format(n.createdAt().atZone(CompanyTime.zone())))
                .setHeader(getTranslation("notification.time")).setAutoWidth(true);
        grid.setItems(query -> notifications.mine(unreadOnly.getValue(), GridPaging.startingAt(query.getOffset()),
                query.getLimit()).stream(), query -> (int) notifications.countMine(unreadOnly.getValue()));
        grid.addItemClickListener(click -> {
            notifications.markRead(click.getItem().id());
            if (click.getItem().link() != null && !click.getItem().link().isBlank()) {
                UI.getCurrent().navigate(click.getItem().link());
            } else {
                grid.getDataProvider().refreshAll();
            }
        });
        unreadOnly.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        var markAll = new Button(getTranslation("notification.mark-all-read"), click -> {
            notifications.markAllRead();
            grid.getDataProvider().refreshAll();
        });
        var toolbar = new HorizontalLayout(unreadOnly, markAll);
        toolbar.addClassName("ombud-toolbar");
        add(toolbar, grid);
        setFlexGrow(1, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.notifications");
    }
}
