package app.ombud.calltest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ombud.platform.OmbudException;
import app.ombud.policy.LocalizedText;
import app.ombud.policy.PolicyDefaults;
import app.ombud.policy.ScoreScale;
import app.ombud.policy.Scorecard;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Zendesk QA formula as ANALYTICS.md §1 states it: an item scores (selected − min) / (max −
 * min) × 100; a call Σ(item score × weight) / Σ(weight) over the items that are not N/A; a
 * critical item below 50 % makes the call 0. Every expected value is worked out by hand below.
 */
class ScoringTest {

    /**
     * RESP › SPEED: RINGS (yes/no, 10, N/A allowed), ONLINE (yes/no, 10, N/A allowed);
     * RESP › OWN: NO_PASS (yes/no, 8, critical);
     * SOLVE › ACC: ANSWER (5 points, 10, critical), KNOW (4 points, 6);
     * SOLVE › RES: ON_SPOT (3 points, 4).
     */
    private static final Scorecard CARD = new Scorecard(List.of(
            new Scorecard.Indicator("RESP", name("服务响应"), List.of(
                    new Scorecard.SubIndicator("SPEED", name("接通及时"), List.of(
                            item("RINGS", 10, ScoreScale.YES_NO, false, true),
                            item("ONLINE", 10, ScoreScale.YES_NO, false, true))),
                    new Scorecard.SubIndicator("OWN", name("首问负责"), List.of(
                            item("NO_PASS", 8, ScoreScale.YES_NO, true, false))))),
            new Scorecard.Indicator("SOLVE", name("问题解决"), List.of(
                    new Scorecard.SubIndicator("ACC", name("业务准确"), List.of(
                            item("ANSWER", 10, ScoreScale.FIVE_POINTS, true, false),
                            item("KNOW", 6, ScoreScale.FOUR_POINTS, false, false))),
                    new Scorecard.SubIndicator("RES", name("解决效果"), List.of(
                            item("ON_SPOT", 4, ScoreScale.THREE_POINTS, false, false)))))))
            .validate();

    /** A phone call: the online item is N/A. */
    private static Map<String, ItemAnswer> phoneCall(int answer) {
        Map<String, ItemAnswer> answers = new HashMap<>();
        answers.put("RINGS", ItemAnswer.of(1));
        answers.put("ONLINE", ItemAnswer.notApplicable());
        answers.put("NO_PASS", ItemAnswer.of(1));
        answers.put("ANSWER", ItemAnswer.of(answer));
        answers.put("KNOW", ItemAnswer.of(3));
        answers.put("ON_SPOT", ItemAnswer.of(2));
        return answers;
    }

    @Test
    void itemsScoreOnTheirScaleAndTheCallIsTheWeightedMeanWithoutTheNotApplicableItem() {
        CallScore score = Scoring.score(CARD, phoneCall(4));

        // items: RINGS (1−0)/(1−0) = 100; NO_PASS 100; ANSWER (4−1)/(5−1) = 75;
        // KNOW (3−1)/(4−1) = 66.666… → 66.67; ON_SPOT (2−1)/(3−1) = 50; ONLINE is N/A: no score
        assertThat(score.itemScores()).containsOnly(Map.entry("RINGS", bd("100.00")), Map.entry("NO_PASS", bd("100.00")),
                Map.entry("ANSWER", bd("75.00")), Map.entry("KNOW", bd("66.67")), Map.entry("ON_SPOT", bd("50.00")));
        // call: (10×100 + 8×100 + 10×75 + 6×66.666… + 4×50) / (10 + 8 + 10 + 6 + 4)
        //     = (1000 + 800 + 750 + 400 + 200) / 38 = 3150 / 38 = 82.8947… → 82.89
        assertThat(score.score()).contains(bd("82.89"));
        assertThat(score.weightedScore()).contains(bd("82.89"));
        // N/A counted as 0 would give 3150 / 48 = 65.63: it is left out instead
        assertThat(score.score().orElseThrow()).isNotEqualByComparingTo("65.63");
        assertThat(score.criticalFailed()).isFalse();
        // RESP = (1000 + 800) / (10 + 8) = 100; SPEED = 1000 / 10 = 100 (ONLINE left out); OWN = 100
        // SOLVE = (750 + 400 + 200) / (10 + 6 + 4) = 1350 / 20 = 67.5; ACC = (750 + 400) / 16 = 71.875 → 71.88
        // RES = 200 / 4 = 50
        assertThat(score.indicatorScores()).containsOnly(Map.entry("RESP", bd("100.00")),
                Map.entry("SPEED", bd("100.00")), Map.entry("OWN", bd("100.00")), Map.entry("SOLVE", bd("67.50")),
                Map.entry("ACC", bd("71.88")), Map.entry("RES", bd("50.00")));
    }

    @Test
    void aCriticalItemBelowHalfMakesTheCallZeroButIndicatorsKeepTheirScores() {
        CallScore score = Scoring.score(CARD, phoneCall(2));

        // ANSWER (2−1)/(5−1) = 25 % < 50 %, and ANSWER is critical: the call scores 0
        assertThat(score.failedCriticalItems()).containsExactly("ANSWER");
        assertThat(score.score()).contains(bd("0.00"));
        // without the rule: (1000 + 800 + 10×25 + 400 + 200) / 38 = 2650 / 38 = 69.7368… → 69.74
        assertThat(score.weightedScore()).contains(bd("69.74"));
        // ACC = (250 + 400) / 16 = 40.625 → 40.63
        assertThat(score.indicator("ACC")).contains(bd("40.63"));
    }

    @Test
    void aCriticalItemAtExactlyHalfDoesNotFailTheCall() {
        CallScore score = Scoring.score(CARD, phoneCall(3));

        // ANSWER (3−1)/(5−1) = 50 %: not below 50 %
        assertThat(score.criticalFailed()).isFalse();
        // (1000 + 800 + 10×50 + 400 + 200) / 38 = 2900 / 38 = 76.3157… → 76.32
        assertThat(score.score()).contains(bd("76.32"));
    }

    @Test
    void aYesNoCriticalItemAnsweredNoFailsTheCall() {
        var answers = phoneCall(5);
        answers.put("NO_PASS", ItemAnswer.of(0));

        CallScore score = Scoring.score(CARD, answers);

        assertThat(score.failedCriticalItems()).containsExactly("NO_PASS");
        assertThat(score.score()).contains(bd("0.00"));
        // OWN has NO_PASS only: 0; RESP = (1000 + 0) / 18 = 55.555… → 55.56
        assertThat(score.indicator("OWN")).contains(bd("0.00"));
        assertThat(score.indicator("RESP")).contains(bd("55.56"));
    }

    @Test
    void anIndicatorWhoseItemsAreAllNotApplicableHasNoScoreAndNoZero() {
        var answers = phoneCall(5);
        answers.put("RINGS", ItemAnswer.notApplicable());

        CallScore score = Scoring.score(CARD, answers);

        assertThat(score.indicator("SPEED")).isEmpty();
        assertThat(score.item("RINGS")).isEmpty();
        // RESP = OWN's 800 / 8 = 100; call = (800 + 1000 + 400 + 200) / (8 + 10 + 6 + 4) = 2400 / 28 = 85.714… → 85.71
        assertThat(score.indicator("RESP")).contains(bd("100.00"));
        assertThat(score.score()).contains(bd("85.71"));
    }

    @Test
    void aCallWhoseItemsAreAllNotApplicableHasNoScore() {
        var card = new Scorecard(List.of(new Scorecard.Indicator("RESP", name("服务响应"), List.of(
                new Scorecard.SubIndicator("SPEED", name("接通及时"), List.of(
                        item("RINGS", 10, ScoreScale.YES_NO, true, true))))))).validate();

        CallScore score = Scoring.score(card, Map.of("RINGS", ItemAnswer.notApplicable()));

        assertThat(score.score()).isEmpty();
        assertThat(score.criticalFailed()).isFalse();
        assertThat(score.indicatorScores()).isEmpty();
    }

    @Test
    void theDefaultScorecardAtItsBestScoresHundredAndAtItsWorstZero() {
        Scorecard card = PolicyDefaults.scorecard();
        Map<String, ItemAnswer> best = new HashMap<>();
        Map<String, ItemAnswer> worst = new HashMap<>();
        card.items().forEach(item -> {
            best.put(item.code(), ItemAnswer.of(item.scale().max()));
            worst.put(item.code(), ItemAnswer.of(item.scale().min()));
        });

        assertThat(Scoring.score(card, best).score()).contains(bd("100.00"));
        CallScore low = Scoring.score(card, worst);
        assertThat(low.score()).contains(bd("0.00"));
        assertThat(low.failedCriticalItems()).containsExactly("NO_PASSING_ON", "NO_ARGUING", "NO_DATA_LEAK",
                "ANSWER_CORRECT");
    }

    @Test
    void badAnswersAreRefusedWithTheirCodeAndTheItem() {
        var notApplicable = phoneCall(4);
        notApplicable.put("NO_PASS", ItemAnswer.notApplicable());
        refused(notApplicable, "SCORE_NOT_APPLICABLE_REFUSED", "answers.NO_PASS");

        var offScale = phoneCall(6);
        refused(offScale, "SCORE_VALUE_OUT_OF_SCALE", "answers.ANSWER");
        var yesNoTwo = phoneCall(4);
        yesNoTwo.put("RINGS", ItemAnswer.of(2));
        refused(yesNoTwo, "SCORE_VALUE_OUT_OF_SCALE", "answers.RINGS");
        var pointsZero = phoneCall(4);
        pointsZero.put("ON_SPOT", ItemAnswer.of(0));
        refused(pointsZero, "SCORE_VALUE_OUT_OF_SCALE", "answers.ON_SPOT");

        var unknown = phoneCall(4);
        unknown.put("EXTRA", ItemAnswer.of(1));
        refused(unknown, "SCORE_ITEM_UNKNOWN", "answers.EXTRA");

        var missing = phoneCall(4);
        missing.remove("KNOW");
        refused(missing, "SCORE_ANSWER_MISSING", "answers.KNOW");
    }

    private static void refused(Map<String, ItemAnswer> answers, String code, String field) {
        assertThatThrownBy(() -> Scoring.score(CARD, answers)).isInstanceOfSatisfying(OmbudException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.field()).isEqualTo(field);
        });
    }

    private static Scorecard.Item item(String code, int weight, ScoreScale scale, boolean critical,
            boolean notApplicableAllowed) {
        return new Scorecard.Item(code, name(code), weight, scale, critical, notApplicableAllowed);
    }

    private static LocalizedText name(String zh) {
        return LocalizedText.of(zh, null);
    }

    private static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }
}
