package app.ombud.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A message in a person's portal inbox (the bell). The text is an i18n key with arguments, so
 * each person reads it in their own language; {@code link} is a portal route.
 */
public record Notification(UUID id, String recipient, String messageKey, List<String> args, String link,
        Instant createdAt, Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
