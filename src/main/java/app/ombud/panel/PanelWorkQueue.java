package app.ombud.panel;

import app.ombud.panel.internal.BallotSeal;
import app.ombud.panel.internal.PanelDocument;
import app.ombud.panel.internal.PanelWorkQueries;
import app.ombud.platform.Actor;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.Role;
import app.ombud.platform.WorkItems;
import app.ombud.policy.PolicyService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The caller's open panel work for the home page: ballots they still have to cast (the first to
 * close first), and for a site manager the undecided panels they may decide. Absent for a caller
 * without a seat or the role.
 */
@Service
public class PanelWorkQueue {

    /** At most this many open seats are read to find the unvoted ones: a member sits on few panels at a time. */
    private static final int MAX_OPEN_SEATS = 200;

    private final MongoTemplate mongo;
    private final BallotSeal seal;
    private final PolicyService policy;
    private final Clock clock;

    PanelWorkQueue(MongoTemplate mongo, BallotSeal seal, PolicyService policy, Clock clock) {
        this.mongo = mongo;
        this.seal = seal;
        this.policy = policy;
        this.clock = clock;
    }

    /** The panels voting now where the caller holds a seat and has not voted yet. */
    @PreAuthorize("isAuthenticated()")
    public Optional<WorkItems> ballotsToCast(int limit) {
        Actor actor = CurrentActor.required();
        if (!actor.namesPerson()) {
            return Optional.empty();
        }
        String me = actor.employeeId();
        Instant now = clock.instant();
        List<PanelDocument> unvoted = mongo.find(Query.of(PanelWorkQueries.openSeats(me, now))
                        .with(PanelWorkQueries.BY_CLOSING).limit(MAX_OPEN_SEATS), PanelDocument.class).stream()
                .filter(panel -> !panel.voted().contains(seal.voterTag(panel.id(), me))).toList();
        return Optional.of(items(unvoted.size(), unvoted.stream().limit(limit).toList(), now));
    }

    /** Site managers: the panels closed undecided that wait for their decision (they sit on none of them). */
    @PreAuthorize("isAuthenticated()")
    public Optional<WorkItems> decisionsAwaiting(int limit) {
        Actor actor = CurrentActor.required();
        if (!actor.namesPerson() || !actor.has(Role.SITE_MANAGER)) {
            return Optional.empty();
        }
        return Optional.of(WorkItems.read(mongo, PanelWorkQueries.awaitingSiteManager(actor.employeeId()),
                PanelWorkQueries.BY_CLOSING, limit, PanelDocument.class, item(clock.instant())));
    }

    private WorkItems items(long total, List<PanelDocument> panels, Instant now) {
        return WorkItems.of(total, panels, item(now));
    }

    private java.util.function.Function<PanelDocument, WorkItems.Item> item(Instant now) {
        var zone = policy.calendar().zone();
        return panel -> {
            Instant due = panel.status() == PanelStatus.VOTING ? panel.closesAt() : null;
            return new WorkItems.Item(panel.number(), panel.subjectNumber(), "panel.status." + panel.status(),
                    "panels/" + panel.id(), due, WorkItems.Urgency.of(due, false, now, zone));
        };
    }
}
