package app.ombud.notification.internal;

import app.ombud.notification.Channel;
import app.ombud.notification.NotificationService;
import java.util.Arrays;
import java.util.List;

/**
 * A phone-call task for a person (recipient = employee ID) lands in their portal inbox; the
 * notification has the outbox ID, so a retry does not show it twice.
 */
class PhoneTaskSender implements MessageSender {

    private final NotificationService notifications;

    PhoneTaskSender(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public boolean supports(Channel channel) {
        return channel == Channel.PHONE_TASK;
    }

    @Override
    public void send(OutboxDocument message) {
        List<String> args = Arrays.asList(message.subject() == null ? "" : message.subject(),
                message.body() == null ? "" : message.body());
        notifications.notify(message.id(), message.recipient(), "notification.phone-task", args, null);
    }
}
