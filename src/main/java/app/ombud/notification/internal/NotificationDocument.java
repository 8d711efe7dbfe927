package app.ombud.notification.internal;

import app.ombud.notification.Notification;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

@CompoundIndex(name = "recipient_createdAt", def = "{'recipient': 1, 'createdAt': -1, '_id': 1}")
@Document("notifications")
public record NotificationDocument(@Id UUID id, String recipient, String messageKey, List<String> args, String link,
        Instant createdAt, Instant readAt) {

    public Notification view() {
        return new Notification(id, recipient, messageKey, args, link, createdAt, readAt);
    }
}
