package app.ombud.calltest;

import app.ombud.calltest.TestCallStatistics.Valued;
import app.ombud.calltest.internal.ReportFields;
import app.ombud.calltest.internal.ScenarioDocument;
import app.ombud.calltest.internal.ScenarioFields;
import app.ombud.improvement.SourceRef;
import app.ombud.improvement.TrainingNeed;
import app.ombud.improvement.TrainingNeeds;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.OmbudException;
import app.ombud.platform.TimeBucket;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Training needs derived from a report period's test calls (SPEC §4), through the
 * {@code improvement} module's {@link TrainingNeeds#derive}, when the lead publishes the period's
 * report and again on demand:
 * <ul>
 * <li>per measure with a threshold, one need naming the agents whose mean over the period misses
 * it (the statistics' {@code meetsThreshold}, grouped by agent over the whole month or quarter),
 * and — a team's mean missing it — every agent of that team tested on the measure in the period;
 * its sources are those agents' calls of the period the measure applies to;</li>
 * <li>per knowledge point (a scenario's point by its code), one need naming the agents who answered
 * it wrong in at least {@link #REPEATED} calls of the period; its sources are those calls.</li>
 * </ul>
 * Each need has a derivation code (period, measure or point), so deriving again records none twice:
 * a need found already is returned as it is (later corrections of calls do not change it), a new
 * miss gets a new need. The topic is stored in the company's language (zh-CN), naming the measure
 * or the point and the period in words.
 */
@Service
public class TrainingNeedsFromResults {

    /** How many calls of a period with the same knowledge point wrong make an agent's need. */
    static final int REPEATED = 2;
    /** The prefix of every derivation code of this module. */
    static final String PREFIX = "calltest/";
    private static final Locale COMPANY = Locale.SIMPLIFIED_CHINESE;

    private final TestCallStatistics statistics;
    private final TrainingNeeds needs;
    private final ReportFields reports;
    private final ScenarioFields scenarios;
    private final MessageSource messages;

    TrainingNeedsFromResults(TestCallStatistics statistics, TrainingNeeds needs, ReportFields reports,
            ScenarioFields scenarios, MessageSource messages) {
        this.statistics = statistics;
        this.needs = needs;
        this.reports = reports;
        this.scenarios = scenarios;
        this.messages = messages;
    }

    /** Derives again the needs of a period whose report is published (REPORT_NOT_PUBLISHED); old and new. */
    @CallTestStaff
    public List<TrainingNeed> derive(String period) {
        CurrentActor.requirePerson();
        var parsed = ReportPeriod.parse(period, "period");
        if (reports.published().stream().noneMatch(r -> r.period().equals(parsed))) {
            throw OmbudException.conflict("REPORT_NOT_PUBLISHED", "The period {0} has no published report",
                    parsed.label());
        }
        return derive(parsed);
    }

    /** The needs derived from the period's results that the caller may read, oldest first. */
    @PreAuthorize("hasAnyRole('CALLTEST_STAFF','ADMIN','LEADERSHIP')")
    public List<TrainingNeed> of(ReportPeriod period) {
        return needs.derived(PREFIX + period.label() + "/");
    }

    /** The derivation itself, for a published period (the report's publish calls it after saving). */
    List<TrainingNeed> derive(ReportPeriod period) {
        var calls = statistics.valued(period.first(), period.last());
        List<TrainingNeed> derived = new ArrayList<>();
        fromMeasures(period, calls, derived);
        fromKnowledge(period, calls, derived);
        return derived;
    }

    private void fromMeasures(ReportPeriod period, List<Valued> calls, List<TrainingNeed> derived) {
        TimeBucket bucket = period.quarter() ? TimeBucket.QUARTER : TimeBucket.MONTH;
        Map<Measure, Set<String>> agents = new EnumMap<>(Measure.class);
        for (MeasureRow row : statistics.measureRows(period.first(), period.last(), bucket, TestCallGroup.AGENT)) {
            if (Boolean.FALSE.equals(row.meetsThreshold())) {
                agents.computeIfAbsent(row.measure(), m -> new TreeSet<>()).add(row.groupId());
            }
        }
        Map<Measure, Set<UUID>> teams = new EnumMap<>(Measure.class);
        for (MeasureRow row : statistics.measureRows(period.first(), period.last(), bucket, TestCallGroup.TEAM)) {
            if (Boolean.FALSE.equals(row.meetsThreshold())) {
                teams.computeIfAbsent(row.measure(), m -> new TreeSet<>()).add(UUID.fromString(row.groupId()));
            }
        }
        for (Measure measure : Measure.values()) {
            Set<String> missed = agents.getOrDefault(measure, Set.of());
            Set<UUID> missedTeams = teams.getOrDefault(measure, Set.of());
            Predicate<Valued> behind = c -> c.values().containsKey(measure) && (missed.contains(
                    c.call().agentEmployeeId()) || missedTeams.contains(c.call().teamId()));
            String topic = text("training.derived.measure", text("calltest.measure." + measure), words(period));
            record(PREFIX + period.label() + "/measure/" + measure.name(), topic, calls, behind, derived);
        }
    }

    private void fromKnowledge(ReportPeriod period, List<Valued> calls, List<TrainingNeed> derived) {
        // scenario/code → agent → the calls that answered it wrong
        Map<String, Map<String, List<Valued>>> wrong = new TreeMap<>();
        for (Valued call : calls) {
            if (call.call().scenarioId() == null) {
                continue;
            }
            call.call().knowledge().stream().filter(k -> !k.correct()).map(KnowledgeResult::code).distinct()
                    .forEach(code -> wrong.computeIfAbsent(call.call().scenarioId() + "/" + code,
                            p -> new TreeMap<>()).computeIfAbsent(call.call().agentEmployeeId(),
                                    a -> new ArrayList<>()).add(call));
        }
        wrong.forEach((point, byAgent) -> {
            Set<Valued> repeated = new LinkedHashSet<>();
            byAgent.values().stream().filter(l -> l.size() >= REPEATED).forEach(repeated::addAll);
            if (repeated.isEmpty()) {
                return;
            }
            UUID scenarioId = UUID.fromString(point.substring(0, point.indexOf('/')));
            String code = point.substring(point.indexOf('/') + 1);
            var scenario = scenarios.byId(scenarioId).map(ScenarioDocument::view);
            String text = scenario.flatMap(s -> pointText(s, code)).orElse(code);
            String number = scenario.map(Scenario::number).orElse(scenarioId.toString());
            String topic = text("training.derived.knowledge", text, number, words(period));
            record(PREFIX + period.label() + "/knowledge/" + point, topic, calls, repeated::contains, derived);
        });
    }

    /** The point's text in the newest revision that has it. */
    private static Optional<String> pointText(Scenario scenario, String code) {
        return scenario.revisions().stream().sorted((a, b) -> Integer.compare(b.revision(), a.revision()))
                .flatMap(r -> r.knowledgePoints().stream()).filter(p -> code.equals(p.code()))
                .map(KnowledgePoint::text).findFirst();
    }

    private void record(String code, String topic, List<Valued> calls, Predicate<Valued> behind,
            List<TrainingNeed> derived) {
        Set<String> people = new TreeSet<>();
        Map<UUID, SourceRef> sources = new LinkedHashMap<>();
        for (Valued call : calls) {
            if (behind.test(call)) {
                people.add(call.call().agentEmployeeId());
                sources.putIfAbsent(call.call().id(), new SourceRef("TestCall", call.call().id(),
                        call.call().number()));
            }
        }
        if (people.isEmpty()) {
            return;
        }
        String line = topic.length() > 200 ? topic.substring(0, 200) : topic;
        needs.derive(code, line, List.copyOf(people), List.copyOf(sources.values())).ifPresent(derived::add);
    }

    /** The period in words: 2027年1月, 2027年第1季度. */
    private String words(ReportPeriod period) {
        int year = period.first().getYear();
        return period.quarter() ? text("training.derived.quarter", Integer.toString(year),
                Integer.toString((period.first().getMonthValue() - 1) / 3 + 1))
                : text("training.derived.month", Integer.toString(year), Integer.toString(period.first()
                        .getMonthValue()));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, COMPANY);
    }
}
