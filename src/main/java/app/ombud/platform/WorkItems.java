package app.ombud.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The first items of one list of a person's open work (the portal's home page, "my open items"),
 * and how many the list holds in all. A workflow module's service builds it with its own query,
 * narrowed by what the caller may see and do.
 */
public record WorkItems(long total, List<Item> items) {

    public WorkItems {
        items = List.copyOf(items);
    }

    /** One open record: its number and title, its status (an i18n key), its record page, when it is due. */
    public record Item(String number, String title, String statusKey, String link, Instant due, Urgency urgency) {
    }

    /** How pressing an item is: past its due time (or flagged overdue by a job), due today, or later / no due time. */
    public enum Urgency {
        OVERDUE, DUE_TODAY, LATER;

        /** Overdue when flagged or past {@code due}; due today when {@code due} falls on today in the company's zone. */
        public static Urgency of(Instant due, boolean flaggedOverdue, Instant now, ZoneId zone) {
            if (flaggedOverdue || due != null && !due.isAfter(now)) {
                return OVERDUE;
            }
            if (due != null && LocalDate.ofInstant(due, zone).equals(LocalDate.ofInstant(now, zone))) {
                return DUE_TODAY;
            }
            return LATER;
        }
    }

    /** The items of a page read with the list's total. */
    public static <T> WorkItems of(long total, List<T> records, Function<T, Item> item) {
        return new WorkItems(total, records.stream().map(item).toList());
    }

    /** The first {@code limit} records of {@code query} in {@code order}, with how many it matches in all. */
    public static <T> WorkItems read(MongoOperations mongo, Query query, Sort order, int limit, Class<T> type,
            Function<T, Item> item) {
        long total = mongo.count(query, type);
        return of(total, mongo.find(Query.of(query).with(order).limit(limit), type), item);
    }

    /** Whether the caller works on records and so has a queue: a person, not a BI reader (who only reads, masked). */
    public static boolean queueFor(Actor actor) {
        return actor.namesPerson() && !PersonalData.hiddenFrom(actor);
    }
}
