package app.ombud.review.internal;

import app.ombud.panel.Choice;
import app.ombud.panel.DecidedBy;
import app.ombud.panel.Panel;
import app.ombud.panel.PanelDecided;
import app.ombud.panel.PanelRequest;
import app.ombud.panel.PanelService;
import app.ombud.platform.Actor;
import app.ombud.platform.NoticeIds;
import app.ombud.review.Appeal;
import app.ombud.review.AppealDecider;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The panel of an appeal: formed with a deterministic ID once both sides have named their members
 * (the pending marker lets the job finish it after a crash), and its final decision applied to the
 * review once, when {@code PanelDecided} comes back.
 */
@Component
public class AppealPanels {

    /** The subject type panels are formed with for reviews. */
    public static final String PANEL_SUBJECT = "Review";

    private static final Logger log = LoggerFactory.getLogger(AppealPanels.class);

    private final PanelService panels;
    private final ReviewStore store;
    private final ReviewNotices notices;
    private final Clock clock;

    AppealPanels(PanelService panels, ReviewStore store, ReviewNotices notices, Clock clock) {
        this.panels = panels;
        this.store = store;
        this.notices = notices;
        this.clock = clock;
    }

    /** The ID of the review's panel, the same on every attempt. */
    public static UUID panelId(UUID reviewId) {
        return NoticeIds.of(reviewId, "panel");
    }

    /** Forms the appeal's panel (idempotent by its ID) and records it on the review through the document. */
    public Panel form(UUID reviewId) {
        var document = store.find(reviewId);
        Appeal appeal = document.appeal();
        // one plain zh-CN text (the panel page shows the question in the reader's language by its own label)
        String question = "维持还是推翻 " + document.number() + " 的判责？";
        Set<String> parties = new LinkedHashSet<>();
        parties.add(document.workOrder().accusedEmployeeId());
        if (appeal.by() != null) {
            parties.add(appeal.by());
        }
        Panel panel = panels.form(appeal.panelId(), new PanelRequest(PANEL_SUBJECT, reviewId, document.number(),
                question, appeal.employeeSide(), appeal.reviewSide(), document.panelExcluded(), parties));
        store.update(reviewId, review -> review.panelFormed(panel.number(), Actor.SYSTEM, clock.instant()),
                "review.panel-formed", Map.of("panel", panel.number()));
        return panel;
    }

    /** Applies a panel's final decision (the majority's, or the site manager's) to its review, once. */
    @EventListener
    public void onPanelDecided(PanelDecided decided) {
        if (!PANEL_SUBJECT.equals(decided.subjectType())) {
            return;
        }
        AppealDecider by = decided.decidedBy() == DecidedBy.SITE_MANAGER ? AppealDecider.SITE_MANAGER
                : AppealDecider.PANEL;
        if (store.find(decided.subjectId()) == null) {
            log.warn("Panel {} decided on review {}, which does not exist", decided.panelNumber(),
                    decided.subjectNumber());
            return;
        }
        boolean applied = store.update(decided.subjectId(), review -> review.applyPanelDecision(decided.panelId(),
                decided.panelNumber(), decided.decision(), by, Actor.SYSTEM, clock.instant()),
                "review.appeal-decided", Map.of("panel", decided.panelNumber(), "decision", decided.decision().name(),
                        "by", by.name()));
        if (applied) {
            notices.tellParties(store.find(decided.subjectId()).view(), decided.decision() == Choice.UPHOLD
                    ? "review.notice.kept" : "review.notice.overturned");
        }
    }
}
