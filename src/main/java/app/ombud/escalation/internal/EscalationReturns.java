package app.ombud.escalation.internal;

import app.ombud.complaint.ComplaintService;
import app.ombud.escalation.EscalationStatus;
import app.ombud.platform.Actor;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * What an ended escalation leaves on its case, finished once across the two documents: a
 * closed escalation's result returns to the case ({@link ComplaintService#closeByEscalation});
 * rejected or closed, the case's lock is released so it may be escalated again. The escalation
 * is saved ended first and marked returned last, so the job finishes what a crash interrupted.
 */
@Component
public class EscalationReturns {

    private final EscalationFields fields;
    private final ComplaintService complaints;
    private final Clock clock;

    EscalationReturns(EscalationFields fields, ComplaintService complaints, Clock clock) {
        this.fields = fields;
        this.complaints = complaints;
        this.clock = clock;
    }

    /** Returns the ended escalation to its case (each part safe to repeat). */
    public void finish(EscalationDocument ended, Actor actor) {
        if (ended.status() == EscalationStatus.CLOSED) {
            complaints.closeByEscalation(ended.caseId(), ended.number(), ended.caseFeedback(), actor);
        }
        fields.unlock(ended.id());
        fields.markReturned(ended.id(), clock.instant());
    }
}
