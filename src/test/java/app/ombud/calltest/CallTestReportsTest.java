package app.ombud.calltest;

import static app.ombud.support.TestData.as;
import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.directory.DirectoryService;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.OmbudException;
import app.ombud.platform.Role;
import app.ombud.policy.PolicyService;
import java.time.Instant;
import java.time.ZoneId;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.ScrollPosition;

/**
 * A month's report: live figures while a draft, frozen once the lead publishes it (a later call
 * changes nothing in it); the agent sees their own results of the period only after that.
 */
@app.ombud.support.OmbudIntegrationTest
class CallTestReportsTest {

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
    PolicyService policy;

    CallTestFixture f;

    @Test
    void aPublishedReportIsFrozenAndOnlyThenTheAgentSeesTheirResults() {
        f = CallTestFixture.create("RP", directory, groups, scenarios, plans);
        var plan = f.activePlan(3);
        String month = f.quarter.firstMonth().toString();
        var drawn = staff(() -> draws.draw(plan.id(), month, null));
        var slots = drawn.drawOf(month).orElseThrow().slots().stream().filter(s -> s.channel() == CallChannel.PHONE)
                .toList();
        var scenario = staff(() -> scenarios.get(plan.scenarios().getFirst().scenarioId()));
        // two months ago, so that the report's month is over (and far from other tests' months)
        YearMonth period = YearMonth.now(ZONE).minusMonths(2);
        Instant calledAt = period.atDay(15).atTime(10, 0).atZone(ZONE).toInstant();
        record(slots.get(0), scenario, calledAt, 2);
        String label = period.toString();

        var draft = staff(() -> reports.create(label));
        assertThat(draft.status()).isEqualTo(ReportStatus.DRAFT);
        assertThat(code(() -> staff(() -> reports.create(label)))).isEqualTo("REPORT_EXISTS");
        assertThat(code(() -> staff(() -> reports.create("2027-13")))).isEqualTo("REPORT_PERIOD_INVALID");
        assertThat(teamRings(draft)).containsExactly(2.0);

        String agent = slots.get(0).agentEmployeeId();
        assertThat(as(agent, () -> calls.myResults(ScrollPosition.offset(), 20), Role.AGENT).getContent())
                .as("before the report is published").isEmpty();

        var edited = staff(() -> reports.edit(draft.id(), "响铃偏多", "加强排班", draft.version()));
        assertThat(code(() -> staff(() -> reports.publish(draft.id(), edited.version())))).isEqualTo("GROUP_LEAD_ONLY");
        var published = lead(() -> reports.publish(draft.id(), edited.version()));
        assertThat(published.status()).isEqualTo(ReportStatus.PUBLISHED);
        assertThat(published.allowedSteps()).isEmpty();
        assertThat(published.conclusions()).isEqualTo("响铃偏多");

        // a later call of the same month changes nothing in the published report
        record(slots.get(1), scenario, calledAt.plusSeconds(3600), 6);
        var reread = staff(() -> reports.get(draft.id()));
        assertThat(teamRings(reread)).containsExactly(2.0);
        assertThat(reread.figures().calls()).isEqualTo(published.figures().calls());
        assertThat(code(() -> staff(() -> reports.edit(draft.id(), "改", null, reread.version()))))
                .isEqualTo("REPORT_PUBLISHED");

        var mine = as(agent, () -> calls.myResults(ScrollPosition.offset(), 20), Role.AGENT).getContent();
        assertThat(mine).isNotEmpty().allSatisfy(r -> assertThat(r.calledAt()).isBefore(
                period.plusMonths(1).atDay(1).atStartOfDay(ZONE).toInstant()));
        assertThat(mine).anySatisfy(r -> assertThat(r.measures()).containsEntry(Measure.RINGS_BEFORE_ANSWER, 2.0));
    }

    private List<Double> teamRings(CallTestReport report) {
        return staff(() -> reports.figures(report)).byTeam().stream().filter(r -> r.groupId().equals(f.team.id().toString())
                && r.measure() == Measure.RINGS_BEFORE_ANSWER).map(MeasureRow::mean).toList();
    }

    private void record(Slot slot, Scenario scenario, Instant at, int rings) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        policy.current().content().scorecard().items().forEach(i -> answers.put(i.code(), i.scale().max()));
        staff(() -> calls.record(new TestCallInput(slot.id(), new ScenarioRef(scenario.id(),
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
