package app.ombud.calltest;

import static app.ombud.support.TestData.as;
import static app.ombud.support.TestData.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.ombud.directory.DirectoryService;
import app.ombud.directory.PersonInput;
import app.ombud.improvement.TrainingNeed;
import app.ombud.improvement.TrainingNeeds;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.OmbudException;
import app.ombud.platform.Role;
import app.ombud.policy.PolicyService;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A person's test-call appraisal of a period (SPEC §4). Report periods are unique and other tests
 * publish the months a call can still be recorded in, so the calls are recorded in the previous
 * quarter, whose report no test creates: the staff read it unpublished, everyone else is refused
 * it. The published path is a month long past (no calls can be recorded there) with a need derived
 * from it: the person, their team lead and department head read it, others are refused.
 */
@app.ombud.support.OmbudIntegrationTest
class AppraisalsTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

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
    CallTestReports reports;

    @Autowired
    TrainingNeeds needs;

    @Autowired
    Appraisals appraisals;

    @Autowired
    PolicyService policy;

    CallTestFixture f;

    private int counter;

    @Test
    void theStaffReadAnUnpublishedPeriodAndAppraisersAPublishedOne() {
        f = CallTestFixture.create("AP", directory, groups, scenarios, plans);
        var plan = f.activePlan(1);
        staff(() -> draws.draw(plan.id(), f.quarter.firstMonth().toString(), null));
        Scenario scenario = staff(() -> scenarios.get(plan.scenarios().getFirst().scenarioId()));
        String a1 = f.agents.get(0);
        String a2 = f.agents.get(1);
        String teamLead = f.p + "T1";
        String otherLead = f.p + "T2";
        String head = f.p + "H1";
        asAdmin(() -> {
            directory.createPerson(new PersonInput(teamLead, "组长" + f.p, f.department.id(), f.team.id(),
                    Set.of(Role.TEAM_LEAD), true, null, null));
            directory.createPerson(new PersonInput(otherLead, "空组组长" + f.p, f.department.id(), f.empty.id(),
                    Set.of(Role.TEAM_LEAD), true, null, null));
            directory.createPerson(new PersonInput(head, "部门负责人" + f.p, f.department.id(), null,
                    Set.of(Role.DEPT_HEAD), true, null, null));
        });

        // the previous quarter's last day, 23:00 company time: within the 92 days a call may be recorded back
        Quarter previous = Quarter.of(LocalDate.now(ZONE).withDayOfMonth(1).minusMonths(3));
        Instant at = previous.lastDay().atTime(23, 0).atZone(ZONE).toInstant();
        int[] rings = {1, 3, 2};
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < rings.length; i++) {
            numbers.add(record(plan, scenario, a1, at.plusSeconds(60L * i), rings[i]).number());
        }
        record(plan, scenario, a2, at.plusSeconds(600), 2);
        String quarter = previous.toString();

        var read = staff(() -> appraisals.of(a1, quarter));
        assertThat(read.published()).isFalse();
        assertThat(read.name()).isEqualTo("坐席" + a1);
        assertThat(read.results()).extracting(MyTestCallResult::number).containsExactlyInAnyOrderElementsOf(numbers);
        assertThat(read.moreCalls()).isFalse();
        double mean = (1 + 3 + 2) / 3.0;
        BigDecimal max = BigDecimal.valueOf(policy.current().content().callTestThresholds().ringsBeforeAnswerMax());
        assertThat(read.measures()).filteredOn(m -> m.measure() == Measure.RINGS_BEFORE_ANSWER).singleElement()
                .satisfies(m -> {
                    assertThat(m.n()).isEqualTo(3);
                    assertThat(m.mean()).isCloseTo(mean, within(1e-9));
                    assertThat(m.threshold()).isEqualByComparingTo(max);
                    assertThat(m.meetsThreshold()).isEqualTo(mean <= max.doubleValue());
                });
        assertThat(read.measures()).filteredOn(m -> m.measure() == Measure.ON_SPOT_RESOLUTION).singleElement()
                .satisfies(m -> assertThat(m.mean()).isCloseTo(100.0, within(1e-9)));
        assertThat(as("test-admin", () -> appraisals.of(a1, quarter), Role.ADMIN).results()).hasSize(3);

        // not published: everyone but the staff and admins is refused, the person and their appraisers too
        assertThat(code(() -> as(a1, () -> appraisals.of(a1, quarter), Role.AGENT))).isEqualTo("RESULTS_NOT_PUBLISHED");
        assertThat(code(() -> as(teamLead, () -> appraisals.of(a1, quarter), Role.TEAM_LEAD)))
                .isEqualTo("RESULTS_NOT_PUBLISHED");
        assertThat(code(() -> as("leader" + f.p, () -> appraisals.of(a1, quarter), Role.LEADERSHIP)))
                .isEqualTo("RESULTS_NOT_PUBLISHED");
        // (its months' own reports are other tests' to publish: the month-and-quarter rule is checked below)

        // a month long past, published, with a need derived from it naming a1 and one naming a2
        String past = YearMonth.now(ZONE).minusMonths(44).toString();
        var draft = staff(() -> reports.create(past));
        lead(() -> reports.publish(draft.id(), draft.version()));
        TrainingNeed mine = staff(() -> needs.derive("calltest/" + past + "/test/" + f.p + "-1", "考核" + f.p,
                List.of(a1), List.of())).orElseThrow();
        staff(() -> needs.derive("calltest/" + past + "/test/" + f.p + "-2", "考核" + f.p, List.of(a2), List.of()));

        for (var reader : List.of(new Object[] {a1, Role.AGENT}, new Object[] {teamLead, Role.TEAM_LEAD},
                new Object[] {head, Role.DEPT_HEAD}, new Object[] {"leader" + f.p, Role.LEADERSHIP})) {
            var seen = as((String) reader[0], () -> appraisals.of(a1, past), (Role) reader[1]);
            assertThat(seen.published()).as("read by %s", reader[0]).isTrue();
            assertThat(seen.results()).isEmpty();
            assertThat(seen.measures()).isEmpty();
            assertThat(seen.trainingNeeds()).as("read by %s", reader[0]).extracting(TrainingNeed::id)
                    .containsExactly(mine.id());
        }
        // others are refused whatever is published
        assertThat(code(() -> as(a2, () -> appraisals.of(a1, past), Role.AGENT))).isEqualTo("APPRAISAL_NOT_ALLOWED");
        assertThat(code(() -> as(otherLead, () -> appraisals.of(a1, past), Role.TEAM_LEAD)))
                .isEqualTo("APPRAISAL_NOT_ALLOWED");
        assertThat(code(() -> as(teamLead, () -> appraisals.of(f.outsider, past), Role.TEAM_LEAD)))
                .as("a person of no team").isEqualTo("APPRAISAL_NOT_ALLOWED");
        assertThat(code(() -> as(otherLead, () -> appraisals.of(a1, quarter), Role.TEAM_LEAD)))
                .isEqualTo("APPRAISAL_NOT_ALLOWED");
        assertThat(code(() -> staff(() -> appraisals.of("NOBODY" + f.p, past)))).isEqualTo("PERSON_NOT_FOUND");
        assertThat(code(() -> staff(() -> appraisals.of(a1, "2026-13")))).isEqualTo("REPORT_PERIOD_INVALID");
        assertThat(code(() -> staff(() -> appraisals.of(a1, "2026-Q5")))).isEqualTo("REPORT_PERIOD_INVALID");
    }

    @Test
    void aMonthIsPublishedByItsOwnReportOrItsQuarters() {
        var month = new ReportPeriod("2026-11");
        var quarter = new ReportPeriod("2026-Q4");
        assertThat(Appraisals.published(month, List.of(new ReportPeriod("2026-11")))).isTrue();
        assertThat(Appraisals.published(month, List.of(quarter))).isTrue();
        assertThat(Appraisals.published(month, List.of(new ReportPeriod("2026-10"), new ReportPeriod("2026-Q3"))))
                .isFalse();
        assertThat(Appraisals.published(quarter, List.of(new ReportPeriod("2026-10"), new ReportPeriod("2026-11"),
                new ReportPeriod("2026-12")))).as("a quarter needs its own report").isFalse();
        assertThat(Appraisals.published(quarter, List.of(quarter))).isTrue();
    }

    private TestCall record(CallTestPlan plan, Scenario scenario, String agent, Instant at, int rings) {
        Instant slotAt = f.quarter.firstMonth().atDay(10).atTime(9, 0).atZone(ZONE).toInstant()
                .plusSeconds(60L * counter++);
        var withSpot = staff(() -> draws.addSpotCheck(plan.id(), new SpotCheckInput(f.team.id(), CallChannel.PHONE,
                agent, slotAt, null), null));
        Slot slot = withSpot.spotChecks().getLast();
        Map<String, Integer> answers = new LinkedHashMap<>();
        policy.current().content().scorecard().items().forEach(i -> answers.put(i.code(), i.scale().max()));
        return staff(() -> calls.record(new TestCallInput(slot.id(), new ScenarioRef(scenario.id(),
                scenario.current().revision()), at, rings, null, "告知单号", true, List.of(),
                new Communication(4, null, null, null), null, List.of(), null, null, answers), IdempotencyKey.NONE));
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
