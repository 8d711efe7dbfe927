package app.ombud.calltest;

import static app.ombud.support.TestData.as;
import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.directory.DirectoryService;
import app.ombud.improvement.SourceRef;
import app.ombud.improvement.TrainingEffect;
import app.ombud.improvement.TrainingNeed;
import app.ombud.improvement.TrainingNeeds;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.Role;
import app.ombud.policy.CallTestThresholds;
import app.ombud.policy.PolicyService;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Training needs derived from a report period's test calls (SPEC §4): publishing the month's
 * report derives them — the agents whose mean misses a measure (and a missing team's tested
 * agents), the agents answering the same knowledge point wrong twice — with the calls behind them
 * as sources; deriving again records none new; a need done shows the people's figure before and
 * since, computed from their calls.
 */
@app.ombud.support.OmbudIntegrationTest
class TrainingNeedsFromResultsTest {

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
    TrainingNeedsFromResults derivation;

    @Autowired
    TrainingNeeds needs;

    @Autowired
    PolicyService policy;

    CallTestFixture f;

    /** One arranged call: the agent, rings, and whether each of the scenario's two points was answered right. */
    record Arranged(String agent, int rings, boolean first, boolean second) {
    }

    @Test
    void publishingAMonthDerivesItsNeedsOnceAndADoneNeedShowsItsEffect() {
        f = CallTestFixture.create("TN", directory, groups, scenarios, plans);
        var plan = f.activePlan(1);
        staff(() -> draws.draw(plan.id(), f.quarter.firstMonth().toString(), null));
        Scenario scenario = staff(() -> scenarios.get(plan.scenarios().getFirst().scenarioId()));
        List<KnowledgePoint> points = scenario.current().knowledgePoints();
        String a1 = f.agents.get(0);
        String a2 = f.agents.get(1);
        String a3 = f.agents.get(2);
        // last month: over, within the 92 days a call may be recorded back, and no other test reports on it
        YearMonth month = YearMonth.now(ZONE).minusMonths(1);
        List<Arranged> arranged = List.of(
                new Arranged(a1, 5, false, true), new Arranged(a1, 5, false, true), new Arranged(a1, 1, true, true),
                new Arranged(a2, 1, false, true), new Arranged(a2, 1, true, true),
                new Arranged(a3, 2, true, true));
        Map<UUID, Arranged> recorded = new LinkedHashMap<>();
        Map<UUID, String> numbers = new LinkedHashMap<>();
        for (int i = 0; i < arranged.size(); i++) {
            var a = arranged.get(i);
            var call = record(plan, scenario, a.agent(), month.atDay(3 + i).atTime(10, 0).atZone(ZONE).toInstant(),
                    a.rings(), List.of(new KnowledgeResult(points.get(0).code(), a.first()),
                            new KnowledgeResult(points.get(1).code(), a.second())));
            recorded.put(call.id(), a);
            numbers.put(call.id(), call.number());
        }

        var draft = staff(() -> reports.create(month.toString()));
        lead(() -> reports.publish(draft.id(), draft.version()));
        List<TrainingNeed> derived = staff(() -> derivation.of(new ReportPeriod(month.toString())));

        // computed here from the arranged calls: each agent's and the team's mean against the policy's threshold
        CallTestThresholds thresholds = policy.current().content().callTestThresholds();
        BigDecimal maxRings = BigDecimal.valueOf(thresholds.ringsBeforeAnswerMax());
        Map<String, List<Double>> ringsByAgent = recorded.values().stream().collect(Collectors.groupingBy(
                Arranged::agent, Collectors.mapping(a -> (double) a.rings(), Collectors.toList())));
        Set<String> missRings = new TreeSet<>();
        ringsByAgent.forEach((agent, values) -> {
            if (mean(values) > maxRings.doubleValue()) {
                missRings.add(agent);
            }
        });
        assertThat(missRings).as("the arrangement: only %s rings too long", a1).containsExactly(a1);
        boolean teamMissesRings = mean(recorded.values().stream().map(a -> (double) a.rings()).toList())
                > maxRings.doubleValue();
        assertThat(teamMissesRings).isFalse();
        assertNeed(derived, "measure/RINGS_BEFORE_ANSWER", missRings, ids(recorded, a -> missRings.contains(
                a.agent())), numbers);

        // the knowledge error rate: each call's wrong ÷ checked × 100; the team misses, so all three are named
        Map<String, List<Double>> errorsByAgent = recorded.values().stream().collect(Collectors.groupingBy(
                Arranged::agent, Collectors.mapping(TrainingNeedsFromResultsTest::errorRate, Collectors.toList())));
        BigDecimal maxErrors = thresholds.knowledgeErrorRateMax();
        Set<String> missErrors = new TreeSet<>();
        errorsByAgent.forEach((agent, values) -> {
            if (mean(values) > maxErrors.doubleValue()) {
                missErrors.add(agent);
            }
        });
        assertThat(missErrors).containsExactly(a1, a2);
        boolean teamMissesErrors = mean(recorded.values().stream().map(TrainingNeedsFromResultsTest::errorRate)
                .toList()) > maxErrors.doubleValue();
        assertThat(teamMissesErrors).as("the team's mean misses too").isTrue();
        assertNeed(derived, "measure/KNOWLEDGE_ERROR_RATE", Set.of(a1, a2, a3), recorded.keySet(), numbers);

        // the first point answered wrong twice by a1 (a2 once: not named); the second never wrong
        assertNeed(derived, "knowledge/" + scenario.id() + "/" + points.get(0).code(), Set.of(a1),
                ids(recorded, a -> a.agent().equals(a1) && !a.first()), numbers);
        assertThat(derived).noneMatch(n -> n.derivedFrom().endsWith("/" + points.get(1).code()));
        assertThat(derived).filteredOn(n -> n.derivedFrom().contains("/knowledge/"))
                .allSatisfy(n -> assertThat(n.employeeIds()).doesNotContain(a2));
        // measures everyone met: no need names these agents
        for (String met : List.of("ON_SPOT_RESOLUTION", "COMMUNICATION_SATISFACTION")) {
            assertThat(derived).filteredOn(n -> n.derivedFrom().endsWith("/measure/" + met))
                    .allSatisfy(n -> assertThat(n.employeeIds()).doesNotContainAnyElementsOf(f.agents));
        }
        var rings = find(derived, "measure/RINGS_BEFORE_ANSWER");
        assertThat(rings.topic()).contains("接通前响铃次数")
                .contains(month.getYear() + "年" + month.getMonthValue() + "月");
        assertThat(rings.status()).isEqualTo(app.ombud.improvement.TrainingStatus.PLANNED);

        // deriving again (the staff's step) records none new and returns the same needs
        var again = staff(() -> derivation.derive(month.toString()));
        assertThat(again).extracting(TrainingNeed::id).containsExactlyInAnyOrderElementsOf(derived.stream()
                .map(TrainingNeed::id).toList());
        assertThat(staff(() -> derivation.of(new ReportPeriod(month.toString())))).hasSameSizeAs(derived);

        // done yesterday; a1 called since with 2 rings: before a1's mean over the month, after 2
        LocalDate yesterday = LocalDate.now(ZONE).minusDays(1);
        var done = staff(() -> needs.markDone(rings.id(), yesterday, rings.version()));
        record(plan, scenario, a1, Instant.now().minus(Duration.ofMinutes(5)), 2, List.of(new KnowledgeResult(
                points.get(0).code(), true)));
        TrainingEffect effect = staff(() -> needs.effect(done)).orElseThrow();
        assertThat(effect.figureKey()).isEqualTo("calltest.measure.RINGS_BEFORE_ANSWER");
        assertThat(effect.before()).isEqualTo(mean(ringsByAgent.get(a1)));
        assertThat(effect.beforeCalls()).isEqualTo(ringsByAgent.get(a1).size());
        assertThat(effect.after()).isEqualTo(2.0);
        assertThat(effect.afterCalls()).isEqualTo(1);
        assertThat(effect.since()).isEqualTo(yesterday);
        assertThat(effect.improved()).isTrue();
        // the agent named reads it too, one not named does not; a planned need has none
        assertThat(as(a1, () -> needs.effect(needs.get(done.id())), Role.AGENT)).isPresent();
        assertThat(as(a3, () -> needs.effect(done), Role.AGENT)).isEmpty();
        assertThat(staff(() -> needs.effect(find(derived, "measure/KNOWLEDGE_ERROR_RATE")))).isEmpty();
    }

    private void assertNeed(List<TrainingNeed> derived, String code, Set<String> people, Set<UUID> sources,
            Map<UUID, String> numbers) {
        var need = find(derived, code);
        assertThat(need.employeeIds()).as(code).filteredOn(f.agents::contains)
                .containsExactlyInAnyOrderElementsOf(people);
        List<SourceRef> mine = need.sources().stream().filter(s -> numbers.containsKey(s.id())).toList();
        assertThat(mine).as(code).extracting(SourceRef::id).containsExactlyInAnyOrderElementsOf(sources);
        assertThat(mine).allSatisfy(s -> {
            assertThat(s.type()).isEqualTo("TestCall");
            assertThat(s.number()).isEqualTo(numbers.get(s.id()));
        });
    }

    private TrainingNeed find(List<TrainingNeed> derived, String code) {
        return derived.stream().filter(n -> n.derivedFrom().endsWith("/" + code)).findFirst()
                .orElseThrow(() -> new AssertionError("no need " + code + " in " + derived.stream()
                        .map(TrainingNeed::derivedFrom).toList()));
    }

    private static Set<UUID> ids(Map<UUID, Arranged> recorded, java.util.function.Predicate<Arranged> which) {
        Set<UUID> ids = new java.util.LinkedHashSet<>();
        recorded.forEach((id, a) -> {
            if (which.test(a)) {
                ids.add(id);
            }
        });
        return ids;
    }

    private static double errorRate(Arranged a) {
        return 100.0 * ((a.first() ? 0 : 1) + (a.second() ? 0 : 1)) / 2;
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sum() / values.size();
    }

    /** A spot check of the agent on the plan, recorded as called at {@code at}. */
    private TestCall record(CallTestPlan plan, Scenario scenario, String agent, Instant at, int rings,
            List<KnowledgeResult> knowledge) {
        Instant slotAt = f.quarter.firstMonth().atDay(10).atTime(9, 0).atZone(ZONE).toInstant()
                .plusSeconds(60L * counter++);
        var withSpot = staff(() -> draws.addSpotCheck(plan.id(), new SpotCheckInput(f.team.id(), CallChannel.PHONE,
                agent, slotAt, null), null));
        Slot slot = withSpot.spotChecks().getLast();
        Map<String, Integer> answers = CallTestFixture.fullMarks(policy);
        return staff(() -> calls.record(new TestCallInput(slot.id(), new ScenarioRef(scenario.id(),
                scenario.current().revision()), at, rings, null, "告知单号", true, new ArrayList<>(knowledge),
                new Communication(4, null, null, null), null, List.of(), null, null, answers), IdempotencyKey.NONE));
    }

    private int counter;

    private <T> T staff(Supplier<T> work) {
        return as(f.staff, work, Role.CALLTEST_STAFF);
    }

    private <T> T lead(Supplier<T> work) {
        return as(f.lead, work, Role.CALLTEST_STAFF);
    }
}
