package app.ombud.calltest;

import app.ombud.calltest.TestCallStatistics.Valued;
import app.ombud.improvement.TrainingEffect;
import app.ombud.improvement.TrainingEffects;
import app.ombud.improvement.TrainingNeed;
import app.ombud.policy.PolicyService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The effect of a done training need derived from test calls ({@link TrainingNeedsFromResults}):
 * the need's people's figure over the period it was derived from and over their calls from the day
 * the training was done to today (at most {@link TestCallStatistics#MAX_DAYS} of them) — a measure's
 * mean, or a knowledge point's percentage of the calls checking it that got it wrong. Aggregates of
 * the people named only; {@code TrainingNeeds} calls it for a need its reader may read.
 */
@Component
class TestCallTrainingEffects implements TrainingEffects {

    private final TestCallStatistics statistics;
    private final PolicyService policy;
    private final Clock clock;

    TestCallTrainingEffects(TestCallStatistics statistics, PolicyService policy, Clock clock) {
        this.statistics = statistics;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public Optional<TrainingEffect> effect(TrainingNeed need) {
        String code = need.derivedFrom();
        if (code == null || !code.startsWith(TrainingNeedsFromResults.PREFIX) || need.doneOn() == null) {
            return Optional.empty();
        }
        String[] parts = code.substring(TrainingNeedsFromResults.PREFIX.length()).split("/");
        ReportPeriod period = ReportPeriod.parse(parts[0], "derivedFrom");
        Set<String> people = Set.copyOf(need.employeeIds());
        Function<Valued, Double> figure;
        String key;
        boolean lowerIsBetter;
        if (parts.length == 3 && "measure".equals(parts[1])) {
            Measure measure = Measure.valueOf(parts[2]);
            figure = c -> c.values().get(measure);
            key = "calltest.measure." + measure.name();
            lowerIsBetter = measure.direction() == Measure.Direction.AT_MOST;
        } else if (parts.length == 4 && "knowledge".equals(parts[1])) {
            UUID scenario = UUID.fromString(parts[2]);
            String point = parts[3];
            figure = c -> !scenario.equals(c.call().scenarioId()) ? null : c.call().knowledge().stream()
                    .filter(k -> point.equals(k.code())).findFirst().map(k -> k.correct() ? 0.0 : 100.0)
                    .orElse(null);
            key = "training.effect.knowledgeWrong";
            lowerIsBetter = true;
        } else {
            return Optional.empty();
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), policy.calendar().zone());
        LocalDate since = need.doneOn();
        var before = mean(statistics.valued(period.first(), period.last()), people, figure);
        var after = since.isAfter(today) ? new Figure(null, 0) : mean(statistics.valued(
                since.isBefore(today.minusDays(TestCallStatistics.MAX_DAYS)) ? today.minusDays(
                        TestCallStatistics.MAX_DAYS) : since, today), people, figure);
        Boolean improved = before.value() == null || after.value() == null ? null
                : lowerIsBetter ? after.value() < before.value() : after.value() > before.value();
        return Optional.of(new TrainingEffect(key, List.of(), before.value(), before.calls(), after.value(),
                after.calls(), since, improved));
    }

    private record Figure(Double value, long calls) {
    }

    private static Figure mean(List<Valued> calls, Set<String> people, Function<Valued, Double> figure) {
        var values = calls.stream().filter(c -> people.contains(c.call().agentEmployeeId())).map(figure)
                .filter(v -> v != null).mapToDouble(Double::doubleValue).toArray();
        return new Figure(values.length == 0 ? null : java.util.Arrays.stream(values).average().orElseThrow(),
                values.length);
    }
}
