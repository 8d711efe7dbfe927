package app.ombud.notification;

import app.ombud.platform.Paging;
import graphql.schema.DataFetchingEnvironment;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

@Controller
class NotificationController {

    private final NotificationService notifications;
    private final Outbox outbox;
    private final Paging paging;
    private final MessageSource messages;

    NotificationController(NotificationService notifications, Outbox outbox, Paging paging, MessageSource messages) {
        this.notifications = notifications;
        this.outbox = outbox;
        this.paging = paging;
        this.messages = messages;
    }

    @QueryMapping
    Window<Notification> myNotifications(@Argument Boolean unreadOnly, ScrollSubrange subrange) {
        return notifications.mine(Boolean.TRUE.equals(unreadOnly), paging.position(subrange), paging.size(subrange));
    }

    @QueryMapping
    long unreadNotificationCount() {
        return notifications.unreadCount();
    }

    @QueryMapping
    Window<OutboxEntry> outboxMessages(@Argument OutboxEntry.Status status, @Argument Channel channel,
            ScrollSubrange subrange) {
        return outbox.page(new Outbox.Filter(status, channel), paging.position(subrange), paging.size(subrange));
    }

    @MutationMapping
    Notification markNotificationRead(@Argument UUID id) {
        return notifications.markRead(id);
    }

    @MutationMapping
    long markAllNotificationsRead() {
        return notifications.markAllRead();
    }

    @MutationMapping
    OutboxEntry retryOutboxMessage(@Argument UUID id) {
        return outbox.retry(id);
    }

    @SchemaMapping(typeName = "Notification")
    String text(Notification notification, DataFetchingEnvironment env) {
        Locale locale = env.getLocale() != null ? env.getLocale() : Locale.ENGLISH;
        return messages.getMessage(notification.messageKey(), notification.args().toArray(), notification.messageKey(),
                locale);
    }
}
