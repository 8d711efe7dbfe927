package app.ombud.calltest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A test call's score on a scorecard (ANALYTICS.md §1), every figure 0–100 with two decimals.
 *
 * @param score the call's score: the weighted mean of its items, or 0 when a critical item
 *     scored below 50 %; empty when no item counts (every item N/A or weighing 0) and no critical
 *     item failed
 * @param weightedScore the weighted mean before the critical rule (what the call would score
 *     without it); empty when no item counts
 * @param failedCriticalItems the codes of the critical items that scored below 50 %, in
 *     scorecard order
 * @param itemScores each answered item's score by its code; N/A items are absent
 * @param indicatorScores each level-1 and level-2 indicator's weighted mean over its answered
 *     items, by its code; absent when none of its items counts. The critical rule applies to the
 *     call only, so an indicator keeps its own score.
 */
public record CallScore(Optional<BigDecimal> score, Optional<BigDecimal> weightedScore,
        List<String> failedCriticalItems, Map<String, BigDecimal> itemScores, Map<String, BigDecimal> indicatorScores) {

    public CallScore {
        failedCriticalItems = List.copyOf(failedCriticalItems);
        itemScores = Map.copyOf(itemScores);
        indicatorScores = Map.copyOf(indicatorScores);
    }

    public boolean criticalFailed() {
        return !failedCriticalItems.isEmpty();
    }

    public Optional<BigDecimal> item(String code) {
        return Optional.ofNullable(itemScores.get(code));
    }

    public Optional<BigDecimal> indicator(String code) {
        return Optional.ofNullable(indicatorScores.get(code));
    }
}
