package app.ombud.calltest;

import static app.ombud.support.TestData.as;
import static app.ombud.support.TestData.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ombud.calltest.internal.StratifiedDraw;
import app.ombud.directory.DirectoryService;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.OmbudException;
import app.ombud.platform.Role;
import app.ombud.support.OmbudIntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.ScrollPosition;

/** The programme's services on the store: draws reproduced from what they stored, all-or-nothing draws, slots for the test calls. */
@OmbudIntegrationTest
class CallTestProgrammeTest {

    @Autowired
    DirectoryService directory;

    @Autowired
    CallTestGroups groups;

    @Autowired
    Scenarios scenarios;

    @Autowired
    Plans plans;

    @Autowired
    Draws draws;

    @Test
    void aStoredDrawIsReproducedFromItsSeedAndItsEligibleLists() {
        var f = CallTestFixture.create("CD", directory, groups, scenarios, plans);
        var plan = f.activePlan(4);
        String month = f.quarter.firstMonth().toString();
        var drawn = staff(f, () -> draws.draw(plan.id(), month, null));
        var draw = drawn.drawOf(month).orElseThrow();
        assertThat(draw.strata()).extracting(Stratum::eligibleAgents).containsOnly(f.agents);
        assertThat(draw.slots()).hasSize(5).allMatch(s -> f.agents.contains(s.agentEmployeeId()))
                .allMatch(s -> draw.timeSlots().contains(s.at())).noneMatch(Slot::spotCheck);

        var again = StratifiedDraw.draw(draw.id(), draw.seed(), draw.strata(), draw.timeSlots());
        assertThat(again).extracting(StratifiedDraw.Pick::agentEmployeeId)
                .containsExactlyElementsOf(draw.slots().stream().map(Slot::agentEmployeeId).toList());
        assertThat(again).extracting(StratifiedDraw.Pick::at)
                .containsExactlyElementsOf(draw.slots().stream().map(Slot::at).toList());
        assertThat(staff(f, () -> plans.get(plan.id())).drawOf(month).orElseThrow().reproducible()).isTrue();

        var cancelled = staff(f, () -> draws.cancelDraw(plan.id(), month, "名单更新", null));
        assertThat(cancelled.drawOf(month)).isEmpty();
        var redrawn = staff(f, () -> draws.draw(plan.id(), month, null));
        assertThat(redrawn.draws()).hasSize(2);
        assertThat(redrawn.drawOf(month).orElseThrow().seed()).isNotEqualTo(draw.seed());
    }

    @Test
    void aStratumWithoutEligibleAgentsRefusesTheWholeDraw() {
        var f = CallTestFixture.create("CE", directory, groups, scenarios, plans);
        var scenario = f.scenario("无坐席");
        String month = f.quarter.firstMonth().toString();
        var base = f.planInput(scenario, 2);
        var quotas = new java.util.ArrayList<>(base.quotas());
        quotas.add(new MonthlyQuota(month, f.empty.id(), CallChannel.PHONE, 1));
        var input = new PlanInput(base.quarter(), base.purpose(), base.teamIds(), base.lines(), base.channels(),
                base.schedule(), base.scenarioIds(), base.executorEmployeeIds(), quotas);
        var draft = staff(f, () -> plans.create(input, IdempotencyKey.NONE));
        staff(f, () -> plans.submit(draft.id(), null));
        var active = as(f.lead, () -> plans.approve(draft.id(), null), Role.CALLTEST_STAFF);

        assertThatThrownBy(() -> staff(f, () -> draws.draw(active.id(), month, null)))
                .extracting(e -> ((OmbudException) e).code()).isEqualTo("DRAW_NO_ELIGIBLE_AGENTS");
        var after = staff(f, () -> plans.get(active.id()));
        assertThat(after.draws()).isEmpty();
        assertThat(after.version()).isEqualTo(active.version());
    }

    @Test
    void aTestCallFindsItsSlotAndMarksItDone() {
        var f = CallTestFixture.create("CF", directory, groups, scenarios, plans);
        var plan = f.activePlan(1);
        String month = f.quarter.firstMonth().toString();
        var slot = staff(f, () -> draws.draw(plan.id(), month, null)).drawOf(month).orElseThrow().slots().getFirst();
        UUID call = UUID.randomUUID();
        var done = CurrentActor.runAsSystem(() -> draws.markSlotDone(slot.id(), call));
        assertThat(done.status()).isEqualTo(SlotStatus.DONE);
        assertThat(staff(f, () -> draws.slot(slot.id())).testCallId()).isEqualTo(call);
        var progress = staff(f, () -> plans.get(plan.id())).progress();
        assertThat(progress.stream().mapToInt(QuotaProgress::done).sum()).isEqualTo(1);
        assertThatThrownBy(() -> staff(f, () -> draws.cancelDraw(plan.id(), month, "x", null)))
                .extracting(e -> ((OmbudException) e).code()).isEqualTo("DRAW_HAS_DONE_SLOTS");

        var revision = staff(f, () -> scenarios.revision(plan.scenarios().getFirst().scenarioId(),
                plan.scenarios().getFirst().revision()));
        assertThat(revision.knowledgePoints()).extracting(KnowledgePoint::code).containsExactly("K1", "K2");
    }

    @Test
    void theGroupLeadMustBeActiveTestCallStaff() {
        var f = CallTestFixture.create("CG", directory, groups, scenarios, plans);
        assertThatThrownBy(() -> asAdmin(() -> groups.set(f.outsider, List.of(), null)))
                .extracting(e -> ((OmbudException) e).code()).isEqualTo("NOT_CALLTEST_STAFF");
        assertThatThrownBy(() -> asAdmin(() -> groups.set(f.lead, List.of(f.p + "A9"), null)))
                .extracting(e -> ((OmbudException) e).code()).isEqualTo("PERSON_NOT_FOUND");
        var group = staff(f, groups::get);
        assertThat(group.leadEmployeeId()).isEqualTo(f.lead);
        assertThat(group.memberEmployeeIds()).containsExactly(f.staff);
    }

    @Test
    void theLibraryKeepsRevisionsAndRetiredScenarios() {
        var f = CallTestFixture.create("CH", directory, groups, scenarios, plans);
        var first = f.scenario("首版");
        var second = staff(f, () -> scenarios.revise(first.id(), f.scenarioInput("二版"), first.version()));
        assertThat(second.current().revision()).isEqualTo(2);
        assertThatThrownBy(() -> staff(f, () -> scenarios.revise(first.id(), f.scenarioInput("旧"), first.version())))
                .extracting(e -> ((OmbudException) e).code()).isEqualTo("CONCURRENT_UPDATE");
        staff(f, () -> scenarios.retire(first.id(), null));
        var current = new ScenarioFilter(null, null, f.p, null, false);
        assertThat(staff(f, () -> scenarios.search(current, ScrollPosition.keyset(), 10)).getContent()).isEmpty();
        var all = new ScenarioFilter(ScenarioType.COMMON_QUESTION, CallChannel.PHONE, f.p, "二版", true);
        assertThat(staff(f, () -> scenarios.search(all, ScrollPosition.keyset(), 10)).getContent())
                .extracting(Scenario::id).containsExactly(first.id());
        assertThat(staff(f, () -> scenarios.revision(first.id(), 1)).title()).isEqualTo("首版");
        assertThatThrownBy(() -> staff(f, () -> plans.create(f.planInput(first, 1), IdempotencyKey.NONE)))
                .extracting(e -> ((OmbudException) e).code()).isEqualTo("SCENARIO_RETIRED");
        assertThat(staff(f, () -> scenarios.reinstate(first.id(), null)).retired()).isFalse();
    }

    private static <T> T staff(CallTestFixture f, java.util.function.Supplier<T> work) {
        return as(f.staff, work, Role.CALLTEST_STAFF);
    }
}
