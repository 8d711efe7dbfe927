package app.ombud.calltest.internal;

import app.ombud.calltest.CallChannel;
import app.ombud.calltest.CallTestPlan;
import app.ombud.calltest.PlanEntry;
import app.ombud.calltest.PlanStatus;
import app.ombud.calltest.PlanStep;
import app.ombud.calltest.Quarter;
import app.ombud.calltest.QuotaProgress;
import app.ombud.calltest.Slot;
import app.ombud.calltest.SlotStatus;
import app.ombud.platform.Actor;
import app.ombud.platform.OmbudException;
import app.ombud.platform.StepGuard;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A quarterly test-call plan with its draws and spot checks in one document, so that a draw —
 * every slot of a month — is one atomic save and a month is never half drawn. It owns its rules:
 * {@link #refusal} says, one rule per step, whether a caller may take a step now; status is
 * written only here.
 */
@CompoundIndexes({
    @CompoundIndex(name = "quarter_number", def = "{'content.quarter': -1, 'number': -1, '_id': 1}"),
    @CompoundIndex(name = "slotsId", def = "{'draws.slots._id': 1}"),
    @CompoundIndex(name = "spotChecksId", def = "{'spotChecks._id': 1}"),
    @CompoundIndex(name = "status_quarter_number", def = "{'status': 1, 'content.quarter': -1, 'number': -1, '_id': 1}")
})
@Document("calltest_plans")
public class PlanDocument implements StepGuard<PlanStep, PlanCaller> {

    @Id
    private final UUID id;
    @Indexed(unique = true)
    private final String number;
    private PlanContent content;
    private PlanStatus status;
    private Integer policyVersion;
    private final String createdBy;
    private final Instant createdAt;
    private String approvedBy;
    private Instant approvedAt;
    private final List<DrawRecord> draws;
    private final List<Slot> spotChecks;
    private final List<PlanEntry> timeline;
    @Version
    private Long version;

    @PersistenceCreator
    PlanDocument(UUID id, String number, PlanContent content, PlanStatus status, Integer policyVersion,
            String createdBy, Instant createdAt, String approvedBy, Instant approvedAt, List<DrawRecord> draws,
            List<Slot> spotChecks, List<PlanEntry> timeline, Long version) {
        this.id = id;
        this.number = number;
        this.content = content;
        this.status = status;
        this.policyVersion = policyVersion;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.approvedBy = approvedBy;
        this.approvedAt = approvedAt;
        this.draws = new ArrayList<>(draws == null ? List.of() : draws);
        this.spotChecks = new ArrayList<>(spotChecks == null ? List.of() : spotChecks);
        this.timeline = new ArrayList<>(timeline == null ? List.of() : timeline);
        this.version = version;
    }

    public static PlanDocument draft(UUID id, String number, PlanContent content, Actor actor, Instant now) {
        var plan = new PlanDocument(id, number, content, PlanStatus.DRAFT, null, actor.key(), now, null, null,
                List.of(), List.of(), List.of(), null);
        plan.log(actor, now, "created", null, PlanStatus.DRAFT, null, content.quarter());
        return plan;
    }

    // ---- the rule of each step ----------------------------------------------------------------

    @Override
    public Class<PlanStep> stepType() {
        return PlanStep.class;
    }

    @Override
    public Optional<OmbudException> refusal(PlanStep step, PlanCaller caller) {
        if (!caller.person()) {
            return Optional.of(OmbudException.forbidden("PERSON_REQUIRED",
                    "This step is taken by a person: use a token that names you (employee_id), not an API client's"));
        }
        return Optional.ofNullable(switch (step) {
            case EDIT, SUBMIT -> status != PlanStatus.DRAFT ? transitionError(step) : staff(caller);
            case APPROVE, SEND_BACK -> status != PlanStatus.SUBMITTED ? transitionError(step) : lead(caller);
            case DRAW, ADD_SPOT_CHECK -> status != PlanStatus.ACTIVE ? transitionError(step) : staff(caller);
            case CANCEL_DRAW -> status != PlanStatus.ACTIVE ? transitionError(step)
                    : draws.stream().noneMatch(d -> !d.cancelled())
                            ? OmbudException.conflict("DRAW_NOT_FOUND", "Plan {0} has no draw to cancel", number)
                            : staff(caller);
            case CANCEL_SLOT -> status != PlanStatus.ACTIVE ? transitionError(step)
                    : slots(s -> s.status() == SlotStatus.PLANNED).isEmpty()
                            ? OmbudException.conflict("SLOT_NOT_FOUND", "Plan {0} has no planned slot", number)
                            : staff(caller);
            case CLOSE -> status != PlanStatus.ACTIVE ? transitionError(step)
                    : caller.lead() || caller.admin() ? null : lead(caller);
        });
    }

    private OmbudException staff(PlanCaller caller) {
        return caller.staff() ? null : OmbudException.forbidden("NOT_CALLTEST_STAFF",
                "Only test-call staff work on plan {0}", number);
    }

    private OmbudException lead(PlanCaller caller) {
        return caller.lead() ? null : OmbudException.forbidden("NOT_CALLTEST_GROUP_LEAD",
                "Only the test-call group's lead decides on plan {0}", number);
    }

    private OmbudException transitionError(PlanStep step) {
        return OmbudException.conflict("PLAN_TRANSITION_NOT_ALLOWED", "Plan {0} is {1}; step {2} is not possible now",
                number, status.name(), step.name());
    }

    // ---- the steps --------------------------------------------------------------------------

    public void edit(PlanContent next, Actor actor, Instant now) {
        content = next;
        log(actor, now, "edited", null, null, null);
    }

    public void submit(Actor actor, Instant now) {
        move(PlanStatus.SUBMITTED, PlanStep.SUBMIT, actor, now, "submitted", null);
    }

    /** Approved by the group lead: active, with the policy version in force (the evaluation criteria). */
    public void approve(int policy, Actor actor, Instant now) {
        move(PlanStatus.ACTIVE, PlanStep.APPROVE, actor, now, "approved", null, Integer.toString(policy));
        policyVersion = policy;
        approvedBy = actor.key();
        approvedAt = now;
    }

    public void sendBack(String reason, Actor actor, Instant now) {
        move(PlanStatus.DRAFT, PlanStep.SEND_BACK, actor, now, "sent-back", reason);
    }

    public void close(String note, Actor actor, Instant now) {
        move(PlanStatus.CLOSED, PlanStep.CLOSE, actor, now, "closed", note);
    }

    /** Adds a month's draw; one per month until it is cancelled. */
    public void draw(DrawRecord draw, Actor actor, Instant now) {
        requireActive(PlanStep.DRAW);
        if (currentDraw(draw.month()).isPresent()) {
            throw OmbudException.conflict("DRAW_EXISTS", "Month {0} of plan {1} is drawn already; cancel that draw first",
                    draw.month(), number);
        }
        draws.add(draw);
        log(actor, now, "drawn", null, null, null, draw.month(), Integer.toString(draw.slots().size()),
                Long.toString(draw.seed()));
    }

    /** Cancels the month's draw and its planned slots; refused once a slot of it was done. */
    public void cancelDraw(String month, String reason, Actor actor, Instant now) {
        requireActive(PlanStep.CANCEL_DRAW);
        var draw = currentDraw(month).orElseThrow(() -> OmbudException.notFound("DRAW_NOT_FOUND",
                "Month {0} of plan {1} has no draw", month, number));
        if (draw.slots().stream().anyMatch(s -> s.status() == SlotStatus.DONE)) {
            throw OmbudException.conflict("DRAW_HAS_DONE_SLOTS", "A test call was made on the draw of {0} already",
                    month);
        }
        draws.set(draws.indexOf(draw), draw.cancel(actor.key(), now, reason));
        log(actor, now, "draw-cancelled", null, null, reason, month);
    }

    public void addSpotCheck(Slot slot, Actor actor, Instant now) {
        requireActive(PlanStep.ADD_SPOT_CHECK);
        spotChecks.add(slot);
        log(actor, now, "spot-check-added", null, null, slot.note(), slot.month(), slot.agentEmployeeId());
    }

    public void cancelSlot(UUID slotId, String reason, Actor actor, Instant now) {
        requireActive(PlanStep.CANCEL_SLOT);
        var slot = slot(slotId).orElseThrow(() -> slotNotFound(slotId));
        if (slot.status() != SlotStatus.PLANNED) {
            throw OmbudException.conflict("SLOT_NOT_PLANNED", "Slot {0} is {1}", slotId, slot.status().name());
        }
        replace(withStatus(slot, SlotStatus.CANCELLED, null, reason));
        log(actor, now, "slot-cancelled", null, null, reason, slot.month(), slot.agentEmployeeId());
    }

    /** A test call was made on the slot (once: the same call again changes nothing). */
    public boolean markDone(UUID slotId, UUID testCallId, Actor actor, Instant now) {
        var slot = slot(slotId).orElseThrow(() -> slotNotFound(slotId));
        if (slot.status() == SlotStatus.DONE && testCallId.equals(slot.testCallId())) {
            return false;
        }
        if (slot.status() != SlotStatus.PLANNED || status != PlanStatus.ACTIVE) {
            throw OmbudException.conflict("SLOT_NOT_PLANNED", "Slot {0} is {1}", slotId, slot.status().name());
        }
        replace(withStatus(slot, SlotStatus.DONE, testCallId, slot.note()));
        log(actor, now, "slot-done", null, null, null, slot.month(), slot.agentEmployeeId(), testCallId.toString());
        return true;
    }

    /** The test call made on the slot was voided: the slot waits for a test call again (once). */
    public boolean reopen(UUID slotId, UUID testCallId, Actor actor, Instant now) {
        var slot = slot(slotId).orElseThrow(() -> slotNotFound(slotId));
        if (slot.status() != SlotStatus.DONE || !testCallId.equals(slot.testCallId())) {
            return false;
        }
        replace(withStatus(slot, SlotStatus.PLANNED, null, slot.note()));
        log(actor, now, "slot-reopened", null, null, null, slot.month(), slot.agentEmployeeId(), testCallId.toString());
        return true;
    }

    static Slot withStatus(Slot s, SlotStatus next, UUID testCallId, String note) {
        return new Slot(s.id(), s.planId(), s.month(), s.drawId(), s.spotCheck(), s.teamId(), s.channel(),
                s.agentEmployeeId(), s.at(), next, testCallId, note, s.addedBy(), s.addedAt(), s.retestOf());
    }

    private void replace(Slot slot) {
        for (int i = 0; i < spotChecks.size(); i++) {
            if (spotChecks.get(i).id().equals(slot.id())) {
                spotChecks.set(i, slot);
                return;
            }
        }
        for (int d = 0; d < draws.size(); d++) {
            var draw = draws.get(d);
            if (draw.slots().stream().anyMatch(s -> s.id().equals(slot.id()))) {
                draws.set(d, draw.withSlots(draw.slots().stream().map(s -> s.id().equals(slot.id()) ? slot : s)
                        .toList()));
                return;
            }
        }
    }

    private void requireActive(PlanStep step) {
        if (status != PlanStatus.ACTIVE) {
            throw transitionError(step);
        }
    }

    private void move(PlanStatus next, PlanStep step, Actor actor, Instant now, String action, String note,
            String... args) {
        if (!status.canMoveTo(next)) {
            throw transitionError(step);
        }
        var from = status;
        status = next;
        log(actor, now, action, from, next, note, args);
    }

    private void log(Actor actor, Instant now, String action, PlanStatus from, PlanStatus to, String note,
            String... args) {
        timeline.add(new PlanEntry(now, actor.key(), action, from, to, note, List.of(args)));
    }

    private static OmbudException slotNotFound(UUID slotId) {
        return OmbudException.notFound("SLOT_NOT_FOUND", "No slot {0} on this plan", slotId);
    }

    // ---- reading ----------------------------------------------------------------------------

    public Optional<DrawRecord> currentDraw(String month) {
        return draws.stream().filter(d -> d.month().equals(month) && !d.cancelled()).findFirst();
    }

    /** Every slot of the plan (drawn, also of cancelled draws, and spot checks) that matches. */
    public List<Slot> slots(Predicate<Slot> which) {
        List<Slot> all = new ArrayList<>();
        draws.forEach(d -> all.addAll(d.slots()));
        all.addAll(spotChecks);
        return all.stream().filter(which).toList();
    }

    public Optional<Slot> slot(UUID slotId) {
        return slots(s -> s.id().equals(slotId)).stream().findFirst();
    }

    /** Per month of the quarter and team × channel of the scope: due, drawn, done, spot checks (re-tests aside). */
    public List<QuotaProgress> progress() {
        List<QuotaProgress> rows = new ArrayList<>();
        for (var month : Quarter.parse(content.quarter(), "quarter").months()) {
            String m = month.toString();
            var drawn = currentDraw(m).map(DrawRecord::slots).orElse(List.of());
            for (UUID team : content.teamIds()) {
                for (CallChannel channel : content.channels()) {
                    // a re-test slot is not part of the quota
                    Predicate<Slot> stratum = s -> s.teamId().equals(team) && s.channel() == channel
                            && s.retestOf() == null;
                    var mine = drawn.stream().filter(stratum).filter(s -> s.status() != SlotStatus.CANCELLED).toList();
                    var spots = spotChecks.stream().filter(s -> s.month().equals(m)).filter(stratum)
                            .filter(s -> s.status() != SlotStatus.CANCELLED).toList();
                    rows.add(new QuotaProgress(m, team, channel, content.quota(m, team, channel), mine.size(),
                            (int) mine.stream().filter(s -> s.status() == SlotStatus.DONE).count(), spots.size(),
                            (int) spots.stream().filter(s -> s.status() == SlotStatus.DONE).count()));
                }
            }
        }
        return rows;
    }

    public CallTestPlan view(PlanCaller caller) {
        return view(allowedSteps(caller));
    }

    public CallTestPlan view(Set<PlanStep> allowed) {
        return new CallTestPlan(id, number, content.quarter(), content.purpose(), content.teamIds(), content.lines(),
                content.channels(), content.schedule(), content.scenarios(), content.executorEmployeeIds(),
                content.quotas(), status, policyVersion, createdBy, createdAt, approvedBy, approvedAt,
                draws.stream().map(DrawRecord::view).toList(), List.copyOf(spotChecks), progress(),
                List.copyOf(timeline), Set.copyOf(allowed), version == null ? 0 : version);
    }

    public UUID id() {
        return id;
    }

    public String number() {
        return number;
    }

    public PlanContent content() {
        return content;
    }

    public PlanStatus status() {
        return status;
    }

    public Long version() {
        return version;
    }
}
