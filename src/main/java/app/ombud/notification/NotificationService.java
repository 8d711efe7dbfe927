package app.ombud.notification;

import app.ombud.notification.internal.NotificationDocument;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.OmbudException;
import app.ombud.platform.StaffOnly;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Portal notifications: modules notify people by employee ID; each person reads, counts and
 * marks only their own.
 */
@Service
public class NotificationService {

    private final MongoTemplate mongo;
    private final Clock clock;

    NotificationService(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Puts a notification in a person's inbox; the text is the i18n key with its arguments. */
    public Notification notify(String employeeId, String messageKey, List<String> args, String link) {
        return notify(UUID.randomUUID(), employeeId, messageKey, args, link);
    }

    /** The same with a caller-chosen ID, so a re-driven notification is not shown twice. */
    public Notification notify(UUID id, String employeeId, String messageKey, List<String> args, String link) {
        var document = new NotificationDocument(id, employeeId, messageKey, List.copyOf(args), link, clock.instant(),
                null);
        try {
            mongo.insert(document);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            return mongo.findById(id, NotificationDocument.class).view();
        }
        return document.view();
    }

    /** My notifications, newest first. */
    @PreAuthorize("isAuthenticated()")
    public Window<Notification> mine(boolean unreadOnly, ScrollPosition position, int size) {
        Query query = new Query(mineCriteria(unreadOnly))
                .with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id"))).limit(size);
        return mongo.scroll(query.with(position), NotificationDocument.class).map(NotificationDocument::view);
    }

    @PreAuthorize("isAuthenticated()")
    public long countMine(boolean unreadOnly) {
        return mongo.count(new Query(mineCriteria(unreadOnly)), NotificationDocument.class);
    }

    @PreAuthorize("isAuthenticated()")
    public long unreadCount() {
        return countMine(true);
    }

    @StaffOnly
    public Notification markRead(UUID id) {
        Query mine = Query.query(Criteria.where("_id").is(id).and("recipient").is(me()));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("recipient").is(me()).and("readAt").is(null)),
                new Update().set("readAt", clock.instant()), NotificationDocument.class);
        var updated = mongo.findOne(mine, NotificationDocument.class);
        if (updated == null) {
            throw OmbudException.notFound("NOTIFICATION_NOT_FOUND", "No notification {0}", id);
        }
        return updated.view();
    }

    @StaffOnly
    public long markAllRead() {
        return mongo.updateMulti(Query.query(Criteria.where("recipient").is(me()).and("readAt").is(null)),
                new Update().set("readAt", clock.instant()), NotificationDocument.class).getModifiedCount();
    }

    private Criteria mineCriteria(boolean unreadOnly) {
        Criteria criteria = Criteria.where("recipient").is(me());
        return unreadOnly ? criteria.and("readAt").is(null) : criteria;
    }

    private static String me() {
        return CurrentActor.required().key();
    }
}
