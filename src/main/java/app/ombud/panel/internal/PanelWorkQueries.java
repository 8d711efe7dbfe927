package app.ombud.panel.internal;

import app.ombud.panel.PanelStatus;
import java.time.Instant;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** The panel queries of the home page's work queue, on the panel document's fields. */
public final class PanelWorkQueries {

    /** The first to close first. */
    public static final Sort BY_CLOSING = Sort.by(Sort.Order.asc("closesAt"), Sort.Order.asc("id"));

    private PanelWorkQueries() {
    }

    /** Panels still voting where the member holds a seat (whether they voted is read from each panel's tags). */
    public static Query openSeats(String employeeId, Instant now) {
        return Query.query(Criteria.where("status").is(PanelStatus.VOTING).and("closesAt").gt(now)
                .and("seats.employeeId").is(employeeId));
    }

    /** Panels that closed undecided, where the person is neither seated nor excluded. */
    public static Query awaitingSiteManager(String employeeId) {
        return Query.query(Criteria.where("status").is(PanelStatus.AWAITING_SITE_MANAGER)
                .and("seats.employeeId").ne(employeeId).and("excluded").ne(employeeId));
    }
}
