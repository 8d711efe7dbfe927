package app.ombud.panel.internal;

import app.ombud.directory.DirectoryService;
import app.ombud.notification.NotificationService;
import app.ombud.panel.Choice;
import app.ombud.panel.CloseReason;
import app.ombud.panel.PanelDecided;
import app.ombud.panel.PanelOutcome;
import app.ombud.panel.PanelStatus;
import app.ombud.platform.Actor;
import app.ombud.platform.AuditTrail;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.NoticeIds;
import app.ombud.platform.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * What follows the end of voting, shared by the last ballot and the closing job: opening the
 * sealed ballots once, {@link PanelDocument#close} saved with the version read (a ballot that
 * lands meanwhile is counted on the retry), telling members, parties and the site managers who
 * may decide, and handing a final decision to the disputed record's module.
 */
@Component
public class PanelClosing {

    private static final Logger log = LoggerFactory.getLogger(PanelClosing.class);
    private static final int ATTEMPTS = 10;

    private final MongoTemplate mongo;
    private final BallotSeal seal;
    private final DirectoryService directory;
    private final NotificationService notifications;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PanelClosing(MongoTemplate mongo, BallotSeal seal, DirectoryService directory, NotificationService notifications,
            AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.mongo = mongo;
        this.seal = seal;
        this.directory = directory;
        this.notifications = notifications;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The active site managers' employee IDs, read from the directory once. */
    public Supplier<List<String>> siteManagers() {
        return new Supplier<>() {
            private List<String> managers;

            @Override
            public List<String> get() {
                if (managers == null) {
                    managers = CurrentActor.runAsSystem(() -> directory.activeEmployeeIdsWithRole(Role.SITE_MANAGER));
                }
                return managers;
            }
        };
    }

    /**
     * Ends voting on a panel and says what follows; safe to repeat. Returns the panel's status
     * afterwards (VOTING when it was not this call that could close it).
     */
    public PanelStatus close(UUID panelId, CloseReason reason, Instant now, Supplier<List<String>> siteManagers) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            var document = mongo.findById(panelId, PanelDocument.class);
            if (document == null || document.status() != PanelStatus.VOTING) {
                return document == null ? PanelStatus.VOTING : document.status();
            }
            if (!seal.keyId().equals(document.keyId())) {
                log.error("Panel {} cannot be counted: it was formed with ballot key {}, this instance has {}",
                        document.number(), document.keyId(), seal.keyId());
                return PanelStatus.VOTING;
            }
            List<Choice> choices = document.ballots().stream()
                    .map(b -> seal.open(panelId, b.receipt(), b.sealed())).toList();
            PanelOutcome outcome = PanelDocument.count(choices, document.quorum());
            PanelStatus next = document.close(outcome, reason, now);
            PanelDocument closed;
            try {
                closed = mongo.save(document);
            } catch (OptimisticLockingFailureException e) {
                continue; // a ballot landed meanwhile: count again
            }
            audit.record(Actor.SYSTEM, "panel.closed", "Panel", closed.number(),
                    Map.of("reason", reason.name(), "outcome", outcome.name()));
            if (next == PanelStatus.AWAITING_SITE_MANAGER) {
                for (String manager : siteManagers.get()) {
                    if (!closed.seated(manager) && !closed.excluded().contains(manager)) {
                        notifications.notify(NoticeIds.of(panelId, "undecided-" + manager), manager,
                                "panel.notice.undecided", List.of(closed.number(), closed.subjectNumber()),
                                link(panelId));
                    }
                }
                announce(closed, "panel.notice.undecided");
            } else {
                announce(closed, "panel.notice.decided");
                deliver(panelId);
            }
            return next;
        }
        log.warn("Panel {} could not be closed after {} attempts; the closing job tries again", panelId, ATTEMPTS);
        return PanelStatus.VOTING;
    }

    /** Tells members and parties what became of the panel. */
    public void announce(PanelDocument document, String key) {
        Set<String> people = new LinkedHashSet<>(document.parties());
        document.seats().forEach(s -> people.add(s.employeeId()));
        for (String person : people) {
            notifications.notify(NoticeIds.of(document.id(), key + "-" + person), person, key,
                    List.of(document.number(), document.subjectNumber()), link(document.id()));
        }
    }

    /** Publishes the final decision; marks it delivered only when every listener took it. */
    public boolean deliver(UUID panelId) {
        var document = mongo.findById(panelId, PanelDocument.class);
        if (document == null || document.finalDecision() == null || document.outcomeDeliveredAt() != null) {
            return false;
        }
        try {
            CurrentActor.runAsSystem(() -> {
                events.publishEvent(new PanelDecided(document.id(), document.number(), document.subjectType(),
                        document.subjectId(), document.subjectNumber(), document.finalDecision(),
                        document.decidedBy(), document.decidedAt()));
                return null;
            });
        } catch (RuntimeException e) {
            log.warn("Panel {}: its decision could not be applied to {} yet; it is tried again later",
                    document.number(), document.subjectNumber(), e);
            return false;
        }
        // by collection name: handing the decision over is not a change of the panel (no version)
        mongo.updateFirst(PanelFields.notDelivered(panelId), PanelFields.delivered(clock.instant()),
                mongo.getCollectionName(PanelDocument.class));
        return true;
    }

    /** The portal route of a panel, for notifications. */
    public static String link(UUID panelId) {
        return "panels/" + panelId;
    }
}
