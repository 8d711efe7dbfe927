package app.ombud.panel.internal;

import app.ombud.panel.PanelStatus;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** Every query and update on the field paths of {@link PanelDocument}: services and jobs spell no field name. */
public final class PanelFields {

    private PanelFields() {
    }

    /** Every panel (what staff who may see all panels see). */
    public static Criteria all() {
        return new Criteria();
    }

    /** The panels where {@code employeeId} holds a seat. */
    public static Criteria seated(String employeeId) {
        return Criteria.where("seats.employeeId").is(employeeId);
    }

    /** The panels where {@code employeeId} holds a seat or is a party. */
    public static Criteria seatedOrParty(String employeeId) {
        return new Criteria().orOperator(seated(employeeId), Criteria.where("parties").is(employeeId));
    }

    /** {@code visible}, narrowed to one status when one is given. */
    public static Criteria withStatus(Criteria visible, PanelStatus status) {
        return status == null ? visible : new Criteria().andOperator(visible, Criteria.where("status").is(status));
    }

    /** One panel, if {@code visible} lets the caller see it. */
    public static Query one(UUID id, Criteria visible) {
        return Query.query(new Criteria().andOperator(Criteria.where("_id").is(id), visible));
    }

    /** Newest first, with the ID breaking ties (keyset paging). */
    public static Sort newestFirst() {
        return Sort.by(Sort.Order.desc("openedAt"), Sort.Order.asc("id"));
    }

    /**
     * The panel, only while a ballot by this member may go into its box: voting, the window open,
     * the member seated and their voter tag not yet in, formed with this instance's ballot key.
     */
    public static Query castable(UUID id, String member, String voterTag, String keyId, Instant now) {
        return Query.query(Criteria.where("_id").is(id).and("status").is(PanelStatus.VOTING).and("closesAt").gt(now)
                .and("seats.employeeId").is(member).and("voted").ne(voterTag).and("keyId").is(keyId));
    }

    /** Puts the voter tag and the ballot in together, each list kept sorted (a position tells nothing). */
    public static Update cast(String voterTag, Ballot ballot) {
        Update cast = new Update().inc("version", 1);
        cast.push("voted").sort(Sort.Direction.ASC).each(voterTag);
        cast.push("ballots").sort(Sort.by("receipt")).each(ballot);
        return cast;
    }

    /** Panels still voting whose window ended by {@code now} (the closing job). */
    public static Query dueToClose(Instant now, int batch) {
        return Query.query(Criteria.where("status").is(PanelStatus.VOTING).and("closesAt").lte(now)).limit(batch);
    }

    /** Panels voting whose window ends within {@code before} and whose members were not reminded yet. */
    public static Query dueForReminder(Instant now, Instant until, int batch) {
        return Query.query(Criteria.where("status").is(PanelStatus.VOTING).and("reminderSentAt").is(null)
                .and("closesAt").lte(until).gt(now)).limit(batch);
    }

    /** The reminder job owns {@code reminderSentAt}: it sets it once and touches nothing else (no version). */
    public static Query notReminded(UUID id) {
        return Query.query(Criteria.where("_id").is(id).and("reminderSentAt").is(null));
    }

    public static Update reminded(Instant now) {
        return new Update().set("reminderSentAt", now);
    }

    /** Decided panels whose decision no listener took yet. */
    public static Query undelivered(int batch) {
        return Query.query(Criteria.where("status").is(PanelStatus.DECIDED).and("outcomeDeliveredAt").is(null))
                .limit(batch);
    }

    /** Delivery owns {@code outcomeDeliveredAt}: handing the decision over is not a change of the panel (no version). */
    public static Query notDelivered(UUID id) {
        return Query.query(Criteria.where("_id").is(id).and("outcomeDeliveredAt").is(null));
    }

    public static Update delivered(Instant now) {
        return new Update().set("outcomeDeliveredAt", now);
    }
}
