package app.ombud.calltest;

import app.ombud.platform.OmbudException;
import app.ombud.policy.Scorecard;
import app.ombud.policy.ScoreScale;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Scores a test call's answers on a scorecard by the published Zendesk QA formula (ANALYTICS.md
 * §1):
 * <ul>
 * <li>an item on a scale {@code min..max} scores {@code (selected − min) / (max − min) × 100};</li>
 * <li>a call, or an indicator, scores {@code Σ(item score × weight) / Σ(weight)} over its items
 * that are not N/A — N/A is left out, never counted as 0;</li>
 * <li>if any critical item scores below 50 %, the call scores 0.</li>
 * </ul>
 * Figures are exact until they are rounded once, to two decimals (half up): an item's fraction is
 * counted in {@link #GRID}ths of its scale, a whole number on every scale.
 * Every item of the scorecard needs an answer; an answer for an unknown item, N/A where the item
 * does not allow it, or a value off the item's scale is refused with its code.
 */
public final class Scoring {

    /** The least common multiple of every scale's span (1, 2, 3, 4): 12. */
    static final long GRID = java.util.Arrays.stream(ScoreScale.values()).mapToLong(s -> s.max() - s.min())
            .reduce(1, Scoring::lcm);
    private static final int SCALE = 2;

    private Scoring() {
    }

    public static CallScore score(Scorecard scorecard, Map<String, ItemAnswer> answers) {
        check(scorecard, answers);
        Map<String, Long> points = new HashMap<>();
        Map<String, BigDecimal> itemScores = new LinkedHashMap<>();
        List<String> failedCritical = new ArrayList<>();
        scorecard.items().forEach(item -> {
            ItemAnswer answer = answers.get(item.code());
            if (answer.isNotApplicable()) {
                return;
            }
            ScoreScale scale = item.scale();
            int above = answer.selected() - scale.min();
            int span = scale.max() - scale.min();
            points.put(item.code(), above * (GRID / span));
            itemScores.put(item.code(), percent(above, span));
            // below 50 %: above / span < 1/2, in whole numbers
            if (item.critical() && 2 * above < span) {
                failedCritical.add(item.code());
            }
        });
        Map<String, BigDecimal> indicatorScores = new LinkedHashMap<>();
        for (Scorecard.Indicator indicator : scorecard.indicators()) {
            mean(indicator.items(), points).ifPresent(mean -> indicatorScores.put(indicator.code(), mean));
            for (Scorecard.SubIndicator sub : indicator.subIndicators()) {
                mean(sub.items().stream(), points).ifPresent(mean -> indicatorScores.put(sub.code(), mean));
            }
        }
        Optional<BigDecimal> weighted = mean(scorecard.items(), points);
        Optional<BigDecimal> score = failedCritical.isEmpty() ? weighted
                : Optional.of(BigDecimal.ZERO.setScale(SCALE));
        return new CallScore(score, weighted, failedCritical, itemScores, indicatorScores);
    }

    /** The weighted mean of the items answered (not N/A) with a weight; empty when none has both. */
    private static Optional<BigDecimal> mean(Stream<Scorecard.Item> items, Map<String, Long> points) {
        long weighted = 0;
        long weights = 0;
        for (Scorecard.Item item : (Iterable<Scorecard.Item>) items::iterator) {
            Long onGrid = points.get(item.code());
            if (onGrid != null) {
                weighted += item.weight() * onGrid;
                weights += item.weight();
            }
        }
        return weights == 0 ? Optional.empty() : Optional.of(percent(weighted, weights * GRID));
    }

    /** {@code part / whole × 100}, rounded half up to two decimals. */
    private static BigDecimal percent(long part, long whole) {
        return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), SCALE, RoundingMode.HALF_UP);
    }

    private static long lcm(long a, long b) {
        return a / java.math.BigInteger.valueOf(a).gcd(java.math.BigInteger.valueOf(b)).longValue() * b;
    }

    /** Every answer names an item, fits its scale and is N/A only where allowed; every item has one. */
    private static void check(Scorecard scorecard, Map<String, ItemAnswer> answers) {
        for (String code : answers.keySet()) {
            if (scorecard.item(code).isEmpty()) {
                throw OmbudException.badRequest("SCORE_ITEM_UNKNOWN", "answers." + code,
                        "The scorecard has no item {0}", code);
            }
        }
        scorecard.items().forEach(item -> {
            String field = "answers." + item.code();
            ItemAnswer answer = answers.get(item.code());
            if (answer == null) {
                throw OmbudException.badRequest("SCORE_ANSWER_MISSING", field, "Item {0} has no answer", item.code());
            }
            if (answer.isNotApplicable()) {
                if (!item.notApplicableAllowed()) {
                    throw OmbudException.badRequest("SCORE_NOT_APPLICABLE_REFUSED", field,
                            "Item {0} does not allow N/A", item.code());
                }
            } else if (!item.scale().contains(answer.selected())) {
                throw OmbudException.badRequest("SCORE_VALUE_OUT_OF_SCALE", field,
                        "{1} is not on the scale of item {0} ({2} to {3})", item.code(), answer.selected(),
                        item.scale().min(), item.scale().max());
            }
        });
    }
}
