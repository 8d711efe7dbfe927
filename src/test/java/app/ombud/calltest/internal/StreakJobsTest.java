package app.ombud.calltest.internal;

import static app.ombud.support.TestData.as;
import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.calltest.CallChannel;
import app.ombud.calltest.CallTestFixture;
import app.ombud.calltest.CallTestGroups;
import app.ombud.calltest.CallTestPlan;
import app.ombud.calltest.Communication;
import app.ombud.calltest.Draws;
import app.ombud.calltest.KnowledgeResult;
import app.ombud.calltest.Plans;
import app.ombud.calltest.Scenario;
import app.ombud.calltest.ScenarioRef;
import app.ombud.calltest.Scenarios;
import app.ombud.calltest.Slot;
import app.ombud.calltest.SpotCheckInput;
import app.ombud.calltest.TestCallInput;
import app.ombud.calltest.TestCalls;
import app.ombud.directory.DirectoryService;
import app.ombud.notification.Notification;
import app.ombud.notification.NotificationService;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.Role;
import app.ombud.policy.PolicyService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.ScrollPosition;

/**
 * The streak job: an agent (and so their team) that missed the same measure in the policy's
 * number of test calls in a row is told to the group lead once, however often the job runs; a
 * measure the calls met is not told.
 */
@app.ombud.support.OmbudIntegrationTest
class StreakJobsTest {

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
    StreakJobs jobs;

    @Autowired
    NotificationService notifications;

    @Autowired
    PolicyService policy;

    @Autowired
    Clock clock;

    @Test
    void anAgentMissingTheSameMeasureInARowIsToldToTheLeadOnce() {
        var f = CallTestFixture.create("SK", directory, groups, scenarios, plans);
        CallTestPlan plan = f.activePlan(1);
        Scenario scenario = as(f.staff, () -> scenarios.get(plan.scenarios().getFirst().scenarioId()),
                Role.CALLTEST_STAFF);
        String agent = f.agents.getFirst();
        int k = policy.current().content().callTestThresholds().consecutiveMissesToFlag();
        var zone = policy.calendar().zone();
        for (int i = 0; i < k; i++) {
            Instant at = f.quarter.firstMonth().atDay(10 + i).atTime(10, 0).atZone(zone).toInstant();
            var withSpot = as(f.staff, () -> draws.addSpotCheck(plan.id(), new SpotCheckInput(f.team.id(),
                    CallChannel.PHONE, agent, at, "连续抽查"), null), Role.CALLTEST_STAFF);
            Slot spot = withSpot.spotChecks().getLast();
            as(f.staff, () -> calls.record(notSolved(spot, scenario), IdempotencyKey.NONE), Role.CALLTEST_STAFF);
            if (i == k - 2) {
                jobs.tellStreaks(clock.instant());
                assertThat(streakNotices(f.lead)).isEmpty();
            }
        }

        jobs.tellStreaks(clock.instant());
        jobs.tellStreaks(clock.instant());
        var told = streakNotices(f.lead);
        // the agent and the team, on the one measure they missed, each once
        // the measure is in the message's key, so the reader sees its name in their language
        assertThat(told).extracting(Notification::messageKey).containsOnly("calltest.notice.streak.ON_SPOT_RESOLUTION");
        assertThat(told).extracting(n -> n.args().getFirst()).containsExactlyInAnyOrder("坐席" + agent, f.team.name());
        assertThat(told).allSatisfy(n -> {
            assertThat(n.args().get(2)).isEqualTo(Integer.toString(k));
            assertThat(n.link()).isEqualTo("calltest/streaks");
        });
    }

    private List<Notification> streakNotices(String lead) {
        return as(lead, () -> notifications.mine(false, ScrollPosition.offset(), 200).getContent(),
                Role.CALLTEST_STAFF).stream().filter(n -> n.messageKey().startsWith("calltest.notice.streak."))
                .filter(n -> n.args().getFirst().contains(lead.substring(0, lead.length() - 2))).toList();
    }

    /** A call that meets every threshold but solving on the spot. */
    private TestCallInput notSolved(Slot slot, Scenario scenario) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        policy.current().content().scorecard().items().forEach(item -> answers.put(item.code(), item.scale().max()));
        return new TestCallInput(slot.id(), new ScenarioRef(scenario.id(), scenario.current().revision()),
                Instant.now().minus(Duration.ofMinutes(10)), 1, null, "坐席未能当场解决", false,
                scenario.current().knowledgePoints().stream().map(p -> new KnowledgeResult(p.code(), true)).toList(),
                new Communication(5, null, null, null), null, List.of(), null, null, answers);
    }
}
