package app.ombud.notification.ui;

import app.ombud.platform.ui.CompanyTime;
import app.ombud.notification.Notification;
import app.ombud.notification.NotificationService;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.ui.HeaderItem;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.popover.PopoverPosition;
import java.time.format.DateTimeFormatter;
import org.springframework.data.domain.ScrollPosition;

/** The bell in the portal header: unread count, the latest notifications, mark read. */
@org.springframework.stereotype.Component
class NotificationBell implements HeaderItem {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final NotificationService notifications;

    NotificationBell(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public com.vaadin.flow.component.Component create() {
        if (CurrentActor.find().isEmpty()) {
            return new Span();
        }
        return new Bell(notifications);
    }

    @Override
    public int order() {
        return -10;
    }

    static final class Bell extends Div {

        private final NotificationService notifications;
        private final Span badge = new Span();
        private final Div list = new Div();

        Bell(NotificationService notifications) {
            this.notifications = notifications;
            addClassName("ombud-bell");
            var button = new Button(new Icon(VaadinIcon.BELL));
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
            button.setAriaLabel(getTranslation("notification.bell"));
            button.setId("notification-bell");
            badge.addClassName("ombud-bell-badge");
            add(button, badge);

            var popover = new Popover();
            popover.setTarget(button);
            popover.setPosition(PopoverPosition.BOTTOM_END);
            popover.addClassName("ombud-bell-popover");
            var markAll = new Button(getTranslation("notification.mark-all-read"), click -> {
                notifications.markAllRead();
                refresh();
            });
            markAll.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            var all = new Button(getTranslation("notification.all"), click -> {
                popover.close();
                UI.getCurrent().navigate(NotificationsView.class);
            });
            all.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            list.addClassName("ombud-bell-list");
            popover.add(list, new Div(markAll, all));
            popover.addOpenedChangeListener(event -> {
                if (event.isOpened()) {
                    refresh();
                }
            });
            add(popover);
            addAttachListener(attach -> {
                refresh();
                attach.getUI().setPollInterval(60_000);
            });
            addDetachListener(detach -> detach.getUI().setPollInterval(-1));
        }

        private void refresh() {
            long unread = notifications.unreadCount();
            badge.setText(unread == 0 ? "" : unread > 99 ? "99+" : String.valueOf(unread));
            badge.setVisible(unread > 0);
            list.removeAll();
            var latest = notifications.mine(false, ScrollPosition.keyset(), 8).getContent();
            if (latest.isEmpty()) {
                list.add(new Span(getTranslation("notification.none")));
            }
            for (Notification n : latest) {
                var row = new Div(new Span(getTranslation(n.messageKey(), n.args().toArray())),
                        new Span(TIME.format(n.createdAt().atZone(CompanyTime.zone()))));
                row.addClassName("ombud-bell-item");
                if (n.unread()) {
                    row.addClassName("unread");
                }
                row.addClickListener(click -> {
                    notifications.markRead(n.id());
                    if (n.link() != null && !n.link().isBlank()) {
                        UI.getCurrent().navigate(n.link());
                    }
                    refresh();
                });
                list.add(row);
            }
        }
    }
}
