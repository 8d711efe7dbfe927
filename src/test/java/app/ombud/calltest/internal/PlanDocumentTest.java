package app.ombud.calltest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ombud.calltest.CallChannel;
import app.ombud.calltest.MonthlyQuota;
import app.ombud.calltest.PlanStatus;
import app.ombud.calltest.PlanStep;
import app.ombud.calltest.ScenarioRef;
import app.ombud.calltest.Slot;
import app.ombud.calltest.SlotStatus;
import app.ombud.calltest.Stratum;
import app.ombud.platform.Actor;
import app.ombud.platform.OmbudException;
import app.ombud.platform.Role;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each step's rule (who may take it when) and its change, on the plan document alone — no Spring, no store. */
class PlanDocumentTest {

    static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
    static final UUID TEAM = UUID.randomUUID();

    static final PlanCaller STAFF = new PlanCaller("Q1", true, true, false, false);
    static final PlanCaller LEAD = new PlanCaller("L1", true, true, true, false);
    static final PlanCaller ADMIN = new PlanCaller("AD", true, true, false, true);
    static final PlanCaller AGENT = new PlanCaller("A1", true, false, false, false);
    static final PlanCaller CLIENT = new PlanCaller("crm", false, false, false, false);

    static Actor actor(PlanCaller caller) {
        return new Actor(Actor.Kind.PERSON, caller.key(), caller.key(), caller.key(), Set.of(Role.CALLTEST_STAFF));
    }

    static PlanContent content() {
        return new PlanContent("2027-Q1", "检验首问负责制", List.of(TEAM), List.of("10010"),
                List.of(CallChannel.PHONE, CallChannel.ONLINE), "每月上中旬", List.of(new ScenarioRef(UUID.randomUUID(), 1)),
                List.of("Q1"), List.of(new MonthlyQuota("2027-01", TEAM, CallChannel.PHONE, 2),
                        new MonthlyQuota("2027-02", TEAM, CallChannel.ONLINE, 1)));
    }

    static PlanDocument draft() {
        return PlanDocument.draft(UUID.randomUUID(), "BC-2027Q1-001", content(), actor(STAFF), NOW);
    }

    static PlanDocument active() {
        var plan = draft();
        plan.submit(actor(STAFF), NOW);
        plan.approve(7, actor(LEAD), NOW);
        return plan;
    }

    static String refusal(PlanDocument plan, PlanStep step, PlanCaller caller) {
        return plan.refusal(step, caller).map(OmbudException::code).orElse(null);
    }

    static DrawRecord drawOf(PlanDocument plan, String month) {
        UUID id = UUID.randomUUID();
        var strata = List.of(new Stratum(TEAM, CallChannel.PHONE, 2, List.of("A1", "A2")));
        var times = List.of(Instant.parse("2027-01-04T01:00:00Z"), Instant.parse("2027-01-04T01:30:00Z"));
        var slots = StratifiedDraw.draw(id, 42L, strata, times).stream().map(p -> new Slot(p.id(), plan.id(), month,
                id, false, TEAM, CallChannel.PHONE, p.agentEmployeeId(), p.at(), SlotStatus.PLANNED, null, null, "Q1",
                NOW)).toList();
        return new DrawRecord(id, month, 42L, StratifiedDraw.ALGORITHM, 30, times, strata, slots, "Q1", NOW, false,
                null, null, null);
    }

    @Test
    void aDraftIsEditedAndSubmittedByStaffOnly() {
        var plan = draft();
        assertThat(plan.allowedSteps(STAFF)).containsExactlyInAnyOrder(PlanStep.EDIT, PlanStep.SUBMIT);
        assertThat(plan.allowedSteps(AGENT)).isEmpty();
        assertThat(refusal(plan, PlanStep.EDIT, AGENT)).isEqualTo("NOT_CALLTEST_STAFF");
        assertThat(refusal(plan, PlanStep.SUBMIT, CLIENT)).isEqualTo("PERSON_REQUIRED");
        assertThat(refusal(plan, PlanStep.APPROVE, LEAD)).isEqualTo("PLAN_TRANSITION_NOT_ALLOWED");
        assertThat(refusal(plan, PlanStep.DRAW, STAFF)).isEqualTo("PLAN_TRANSITION_NOT_ALLOWED");
    }

    @Test
    void onlyTheGroupLeadApprovesOrSendsBack() {
        var plan = draft();
        plan.submit(actor(STAFF), NOW);
        assertThat(plan.status()).isEqualTo(PlanStatus.SUBMITTED);
        assertThat(plan.allowedSteps(STAFF)).isEmpty();
        assertThat(refusal(plan, PlanStep.APPROVE, ADMIN)).isEqualTo("NOT_CALLTEST_GROUP_LEAD");
        assertThat(refusal(plan, PlanStep.EDIT, STAFF)).isEqualTo("PLAN_TRANSITION_NOT_ALLOWED");
        assertThat(plan.allowedSteps(LEAD)).containsExactlyInAnyOrder(PlanStep.APPROVE, PlanStep.SEND_BACK);

        plan.sendBack("配额过高", actor(LEAD), NOW);
        assertThat(plan.status()).isEqualTo(PlanStatus.DRAFT);
        assertThat(plan.view(STAFF).timeline().getLast().note()).isEqualTo("配额过高");

        plan.submit(actor(STAFF), NOW);
        plan.approve(7, actor(LEAD), NOW);
        var view = plan.view(LEAD);
        assertThat(view.status()).isEqualTo(PlanStatus.ACTIVE);
        assertThat(view.policyVersion()).isEqualTo(7);
        assertThat(view.approvedBy()).isEqualTo("L1");
        assertThat(view.allowedSteps()).containsExactlyInAnyOrder(PlanStep.DRAW, PlanStep.ADD_SPOT_CHECK,
                PlanStep.CLOSE);
    }

    @Test
    void anActivePlanIsDrawnOncePerMonthUntilTheDrawIsCancelled() {
        var plan = active();
        assertThat(refusal(plan, PlanStep.CANCEL_DRAW, STAFF)).isEqualTo("DRAW_NOT_FOUND");
        plan.draw(drawOf(plan, "2027-01"), actor(STAFF), NOW);
        assertThat(plan.allowedSteps(STAFF)).contains(PlanStep.CANCEL_DRAW, PlanStep.CANCEL_SLOT);
        assertThatThrownBy(() -> plan.draw(drawOf(plan, "2027-01"), actor(STAFF), NOW))
                .extracting(e -> ((OmbudException) e).code()).isEqualTo("DRAW_EXISTS");

        var progress = plan.progress().stream().filter(p -> p.month().equals("2027-01")
                && p.channel() == CallChannel.PHONE).findFirst().orElseThrow();
        assertThat(progress.due()).isEqualTo(2);
        assertThat(progress.drawn()).isEqualTo(2);
        assertThat(progress.done()).isZero();

        plan.cancelDraw("2027-01", "名单有误", actor(STAFF), NOW);
        assertThat(plan.currentDraw("2027-01")).isEmpty();
        assertThat(plan.slots(s -> s.month().equals("2027-01"))).allMatch(s -> s.status() == SlotStatus.CANCELLED);
        plan.draw(drawOf(plan, "2027-01"), actor(STAFF), NOW);
        assertThat(plan.view(STAFF).draws()).hasSize(2).allMatch(d -> d.reproducible());
    }

    @Test
    void aTestCallMarksASlotDoneOnceAndADoneDrawIsNotCancelled() {
        var plan = active();
        plan.draw(drawOf(plan, "2027-01"), actor(STAFF), NOW);
        var slot = plan.slots(s -> true).getFirst();
        UUID call = UUID.randomUUID();
        assertThat(plan.markDone(slot.id(), call, Actor.SYSTEM, NOW)).isTrue();
        assertThat(plan.markDone(slot.id(), call, Actor.SYSTEM, NOW)).isFalse();
        assertThatThrownBy(() -> plan.markDone(slot.id(), UUID.randomUUID(), Actor.SYSTEM, NOW))
                .extracting(e -> ((OmbudException) e).code()).isEqualTo("SLOT_NOT_PLANNED");
        assertThat(plan.slot(slot.id()).orElseThrow().testCallId()).isEqualTo(call);
        assertThat(plan.progress().stream().mapToInt(p -> p.done()).sum()).isEqualTo(1);
        assertThatThrownBy(() -> plan.cancelDraw("2027-01", "x", actor(STAFF), NOW))
                .extracting(e -> ((OmbudException) e).code()).isEqualTo("DRAW_HAS_DONE_SLOTS");
    }

    @Test
    void spotChecksAreFlaggedCountedAndCancelled() {
        var plan = active();
        var spot = new Slot(UUID.randomUUID(), plan.id(), "2027-02", null, true, TEAM, CallChannel.ONLINE, "A2",
                Instant.parse("2027-02-03T06:00:00Z"), SlotStatus.PLANNED, null, "投诉较多", "Q1", NOW);
        plan.addSpotCheck(spot, actor(STAFF), NOW);
        var row = plan.progress().stream().filter(p -> p.month().equals("2027-02")
                && p.channel() == CallChannel.ONLINE).findFirst().orElseThrow();
        assertThat(row.spotChecks()).isEqualTo(1);
        assertThat(row.drawn()).isZero();
        plan.cancelSlot(spot.id(), "坐席休假", actor(STAFF), NOW);
        assertThat(plan.slot(spot.id()).orElseThrow().status()).isEqualTo(SlotStatus.CANCELLED);
        assertThatThrownBy(() -> plan.cancelSlot(spot.id(), "again", actor(STAFF), NOW))
                .extracting(e -> ((OmbudException) e).code()).isEqualTo("SLOT_NOT_PLANNED");
    }

    @Test
    void theLeadOrAnAdminClosesAndAClosedPlanTakesNoStep() {
        var plan = active();
        assertThat(refusal(plan, PlanStep.CLOSE, STAFF)).isEqualTo("NOT_CALLTEST_GROUP_LEAD");
        assertThat(refusal(plan, PlanStep.CLOSE, ADMIN)).isNull();
        plan.close(null, actor(LEAD), NOW);
        assertThat(plan.status()).isEqualTo(PlanStatus.CLOSED);
        for (var caller : List.of(STAFF, LEAD, ADMIN)) {
            assertThat(plan.allowedSteps(caller)).isEmpty();
        }
    }
}
