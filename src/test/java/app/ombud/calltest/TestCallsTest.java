package app.ombud.calltest;

import static app.ombud.support.TestData.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ombud.directory.DirectoryService;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.OmbudException;
import app.ombud.platform.Role;
import app.ombud.platform.TimeBucket;
import app.ombud.policy.PolicyService;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Recording test calls on a drawn plan: scored on the scorecard in force, the slot done; bad input
 * refused with nothing written; follow-up, calibration, the lead's final score, voiding with the
 * slot planned again; the figures leave voided calls out.
 */
@app.ombud.support.OmbudIntegrationTest
class TestCallsTest {

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

    @Autowired
    TestCalls calls;

    @Autowired
    TestCallStatistics statistics;

    @Autowired
    PolicyService policy;

    CallTestFixture f;
    CallTestPlan plan;
    Scenario phoneScenario;

    @BeforeEach
    void drawnPlan() {
        f = CallTestFixture.create("TC", directory, groups, scenarios, plans);
        plan = f.activePlan(2);
        phoneScenario = scenarios(plan).getFirst();
        plan = staff(() -> draws.draw(plan.id(), f.quarter.firstMonth().toString(), null));
    }

    private List<Scenario> scenarios(CallTestPlan p) {
        return p.scenarios().stream().map(ref -> staff(() -> scenarios.get(ref.scenarioId()))).toList();
    }

    private Slot phoneSlot() {
        return plan.drawOf(f.quarter.firstMonth().toString()).orElseThrow().slots().stream()
                .filter(s -> s.channel() == CallChannel.PHONE && s.status() == SlotStatus.PLANNED).findFirst()
                .orElseThrow();
    }

    /** Every scorecard item at the top of its scale, but {@code low} at the bottom. */
    private Map<String, Integer> answers(String low) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        policy.current().content().scorecard().items().forEach(item -> answers.put(item.code(),
                item.code().equals(low) ? item.scale().min() : item.scale().max()));
        return answers;
    }

    private TestCallInput input(Slot slot, Integer rings, int rating, Instant followUpDue, Map<String, Integer> answers) {
        var points = phoneScenario.current().knowledgePoints();
        return new TestCallInput(slot.id(), new ScenarioRef(phoneScenario.id(), phoneScenario.current().revision()),
                Instant.now().minus(Duration.ofMinutes(10)), rings, null, "坐席核实身份后告知了单号，但未说明预计送达时间",
                false, List.of(new KnowledgeResult(points.get(0).code(), true),
                        new KnowledgeResult(points.get(1).code(), false)),
                new Communication(rating, 4, 5, null), followUpDue, List.of("未说明时限"), "加强物流话术培训",
                "REC-001", answers);
    }

    @Test
    void aPhoneCallIsScoredOnTheScorecardInForceAndItsSlotIsDone() {
        Slot slot = phoneSlot();
        Instant due = Instant.now().plus(Duration.ofDays(1));
        TestCall call = staff(() -> calls.record(input(slot, 4, 4, due, answers(null)), IdempotencyKey.NONE));

        assertThat(call.number()).startsWith("TC-");
        assertThat(call.agentEmployeeId()).isEqualTo(slot.agentEmployeeId());
        assertThat(call.teamId()).isEqualTo(f.team.id());
        assertThat(call.departmentId()).isEqualTo(f.department.id());
        assertThat(call.policyVersion()).isEqualTo(policy.current().number());
        // every item at the top of its scale: (max − min) / (max − min) × 100 = 100
        assertThat(call.finalScore()).isEqualByComparingTo("100");
        assertThat(call.gradings()).singleElement().satisfies(g -> assertThat(g.executor()).isEqualTo(f.staff));
        assertThat(staff(() -> draws.slot(slot.id()))).satisfies(done -> {
            assertThat(done.status()).isEqualTo(SlotStatus.DONE);
            assertThat(done.testCallId()).isEqualTo(call.id());
        });
        // its measures: 4 rings, not solved, 1 wrong of 2 checked = 50 %, rating 4 satisfied; the follow-up not due yet
        assertThat(call.facts().measures(4, Instant.now())).containsExactlyInAnyOrderEntriesOf(Map.of(
                Measure.ON_SPOT_RESOLUTION, 0.0, Measure.RINGS_BEFORE_ANSWER, 4.0,
                Measure.KNOWLEDGE_ERROR_RATE, 50.0, Measure.COMMUNICATION_SATISFACTION, 100.0,
                Measure.SCORECARD, 100.0));
        assertThat(call.allowedSteps()).containsExactlyInAnyOrder(TestCallStep.RECORD_FOLLOW_UP);
        // the same slot again: refused
        assertThat(code(() -> staff(() -> calls.record(input(slot, 4, 4, null, answers(null)), IdempotencyKey.NONE))))
                .isEqualTo("SLOT_NOT_PLANNED");
    }

    @Test
    void aCriticalItemAtTheBottomMakesTheCallZero() {
        String critical = policy.current().content().scorecard().items().filter(i -> i.critical()).findFirst()
                .orElseThrow().code();
        TestCall call = staff(() -> calls.record(input(phoneSlot(), 2, 5, null, answers(critical)),
                IdempotencyKey.NONE));
        assertThat(call.finalScore()).isEqualByComparingTo("0");
        assertThat(call.gradings().getFirst().failedCriticalItems()).containsExactly(critical);
        assertThat(call.gradings().getFirst().weightedScore()).isGreaterThan(BigDecimal.ZERO);
    }

    @Test
    void badInputIsRefusedWithItsCodeAndNothingIsWritten() {
        Slot slot = phoneSlot();
        long before = staff(() -> calls.count(TestCallFilter.ALL));
        assertThat(code(() -> record(input(slot, -1, 4, null, answers(null))))).isEqualTo("VALUE_OUT_OF_RANGE");
        assertThat(code(() -> record(input(slot, 61, 4, null, answers(null))))).isEqualTo("VALUE_OUT_OF_RANGE");
        assertThat(code(() -> record(input(slot, null, 4, null, answers(null))))).isEqualTo("REQUIRED");
        assertThat(code(() -> record(input(slot, 3, 6, null, answers(null))))).isEqualTo("VALUE_OUT_OF_RANGE");
        var future = input(slot, 3, 4, null, answers(null));
        assertThat(code(() -> record(new TestCallInput(future.slotId(), future.scenario(),
                Instant.now().plus(Duration.ofHours(2)), 3, null, future.performance(), false, future.knowledge(),
                future.communication(), null, List.of(), null, null, future.answers())))).isEqualTo("TIME_IN_FUTURE");
        assertThat(code(() -> record(new TestCallInput(future.slotId(), future.scenario(), future.calledAt(), 3,
                BigDecimal.ONE, future.performance(), false, future.knowledge(), future.communication(), null,
                List.of(), null, null, future.answers())))).isEqualTo("REPLY_MINUTES_ONLY_ONLINE");
        assertThat(code(() -> record(input(slot, 3, 4, Instant.now().minus(Duration.ofHours(1)), answers(null)))))
                .isEqualTo("FOLLOW_UP_DUE_BEFORE_CALL");
        assertThat(code(() -> record(new TestCallInput(future.slotId(), future.scenario(), future.calledAt(), 3,
                null, future.performance(), false, List.of(new KnowledgeResult("K99", true)), future.communication(),
                null, List.of(), null, null, future.answers())))).isEqualTo("KNOWLEDGE_POINT_UNKNOWN");
        var missing = new LinkedHashMap<>(answers(null));
        missing.remove(missing.keySet().iterator().next());
        assertThat(code(() -> record(input(slot, 3, 4, null, missing)))).isEqualTo("SCORE_ANSWER_MISSING");

        assertThat(staff(() -> calls.count(TestCallFilter.ALL))).isEqualTo(before);
        assertThat(staff(() -> draws.slot(slot.id())).status()).isEqualTo(SlotStatus.PLANNED);
    }

    @Test
    void followUpCalibrationTheLeadsFinalScoreAndVoiding() {
        Slot slot = phoneSlot();
        TestCall call = record(input(slot, 3, 3, Instant.now().plus(Duration.ofHours(1)), answers(null)));

        // delivered before the call that promised it: refused; then delivered
        assertThat(code(() -> staff(() -> calls.recordFollowUp(call.id(), call.calledAt().minusSeconds(60),
                call.version())))).isEqualTo("FOLLOW_UP_BEFORE_PROMISE");
        TestCall followed = staff(() -> calls.recordFollowUp(call.id(), Instant.now(), call.version()));
        assertThat(followed.followUp().deliveredAt()).isNotNull();
        assertThat(followed.allowedSteps()).doesNotContain(TestCallStep.RECORD_FOLLOW_UP);

        // the lead scores it too (calibration), then sets the final score; a stale version is a conflict
        TestCall calibrated = lead(() -> calls.addCalibration(call.id(), answers(null), followed.version()));
        assertThat(calibrated.gradings()).hasSize(2);
        assertThat(code(() -> lead(() -> calls.addCalibration(call.id(), answers(null), calibrated.version()))))
                .isEqualTo("ALREADY_GRADED");
        assertThat(code(() -> staff(() -> calls.setFinalScore(call.id(), new BigDecimal("90"), "合议",
                calibrated.version())))).isEqualTo("GROUP_LEAD_ONLY");
        assertThat(code(() -> lead(() -> calls.setFinalScore(call.id(), new BigDecimal("90"), "合议",
                followed.version())))).isEqualTo("CONCURRENT_UPDATE");
        TestCall scored = lead(() -> calls.setFinalScore(call.id(), new BigDecimal("90"), "合议后取90分",
                calibrated.version()));
        assertThat(scored.finalScore()).isEqualByComparingTo("90");
        assertThat(scored.finalBy()).isEqualTo(f.lead);

        // voided by the lead: kept, its slot planned again, counted nowhere
        TestCall voided = lead(() -> calls.voidCall(call.id(), "拨错坐席", scored.version()));
        assertThat(voided.status()).isEqualTo(TestCallStatus.VOIDED);
        assertThat(voided.allowedSteps()).isEmpty();
        assertThat(staff(() -> draws.slot(slot.id())).status()).isEqualTo(SlotStatus.PLANNED);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        var rows = staff(() -> statistics.measureRows(today.minusDays(1), today.plusDays(1), TimeBucket.MONTH,
                TestCallGroup.TEAM));
        assertThat(rows).noneMatch(r -> r.groupId().equals(f.team.id().toString()));
    }

    @Test
    void theFiguresCountTheRecordedCallsAndAnAgentIsRefused() {
        record(input(phoneSlot(), 2, 5, null, answers(null)));
        plan = staff(() -> plans.get(plan.id()));
        record(input(phoneSlot(), 6, 2, null, answers(null)));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        var rows = staff(() -> statistics.measureRows(today, today, TimeBucket.DAY, TestCallGroup.TEAM)).stream()
                .filter(r -> r.groupId().equals(f.team.id().toString())).toList();
        // rings 2 and 6: mean 4, sd √((4 + 4) / 1) = √8; satisfied 1 of 2 = 50 %
        assertThat(rows).filteredOn(r -> r.measure() == Measure.RINGS_BEFORE_ANSWER).singleElement()
                .satisfies(r -> {
                    assertThat(r.n()).isEqualTo(2);
                    assertThat(r.mean()).isEqualTo(4.0);
                    assertThat(r.stdDev()).isCloseTo(Math.sqrt(8), org.assertj.core.api.Assertions.within(1e-9));
                    assertThat(r.groupName()).isEqualTo(f.team.name());
                });
        assertThat(rows).filteredOn(r -> r.measure() == Measure.COMMUNICATION_SATISFACTION).singleElement()
                .satisfies(r -> assertThat(r.mean()).isEqualTo(50.0));

        assertThatThrownBy(() -> as(f.agents.getFirst(), () -> calls.search(TestCallFilter.ALL,
                org.springframework.data.domain.ScrollPosition.keyset(), 10), Role.AGENT))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(f.agents.getFirst(), () -> statistics.measureRows(today, today,
                TimeBucket.DAY, TestCallGroup.TEAM), Role.AGENT)).isInstanceOf(AccessDeniedException.class);
    }

    private TestCall record(TestCallInput input) {
        return staff(() -> calls.record(input, IdempotencyKey.NONE));
    }

    private <T> T staff(Supplier<T> work) {
        return as(f.staff, work, Role.CALLTEST_STAFF);
    }

    private <T> T lead(Supplier<T> work) {
        return as(f.lead, work, Role.CALLTEST_STAFF);
    }

    private static String code(Runnable call) {
        try {
            call.run();
        } catch (OmbudException e) {
            return e.code();
        }
        throw new AssertionError("no refusal");
    }
}
