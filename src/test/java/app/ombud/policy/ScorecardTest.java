package app.ombud.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ombud.platform.OmbudException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The scorecard's rules, and the two thresholds issue 11 adds. */
class ScorecardTest {

    @Test
    void theDefaultsAreThreeLevelOneIndicatorsEightLevelTwoAndNineteenItems() {
        Scorecard card = PolicyDefaults.scorecard().validate();

        assertThat(card.indicators()).extracting(i -> i.name().zh()).containsExactly("服务响应", "服务规范", "问题解决");
        assertThat(card.indicators().stream().mapToInt(i -> i.subIndicators().size()).sum()).isEqualTo(8);
        assertThat(card.items()).hasSize(19);
        assertThat(card.items().filter(Scorecard.Item::critical)).extracting(Scorecard.Item::code)
                .containsExactly("NO_PASSING_ON", "NO_ARGUING", "NO_DATA_LEAK", "ANSWER_CORRECT");
        assertThat(card.item("RINGS_WITHIN_LIMIT")).get().extracting(Scorecard.Item::notApplicableAllowed)
                .isEqualTo(true);
        assertThat(card.items()).allSatisfy(item -> assertThat(item.name().en()).isNotBlank());
    }

    @Test
    void scalesRunFromZeroOrOneToTheirTopPoint() {
        assertThat(List.of(ScoreScale.values())).extracting(s -> s.min() + ".." + s.max())
                .containsExactly("0..1", "1..3", "1..4", "1..5");
    }

    @Test
    void allWeightsZeroIsRefused() {
        refused(card -> new Scorecard(card.indicators().stream().map(i -> new Scorecard.Indicator(i.code(), i.name(),
                i.subIndicators().stream().map(s -> new Scorecard.SubIndicator(s.code(), s.name(), s.items().stream()
                        .map(item -> new Scorecard.Item(item.code(), item.name(), 0, item.scale(), item.critical(),
                                item.notApplicableAllowed())).toList())).toList())).toList()),
                "SCORECARD_WEIGHTS_ZERO", "indicators");
    }

    @Test
    void aCodeUsedTwiceAnywhereInTheTreeIsRefusedAtItsSecondUse() {
        // the first item takes the code of the first level-1 indicator
        refused(card -> withFirstItem(card, item -> new Scorecard.Item("RESPONSE", item.name(), item.weight(),
                item.scale(), item.critical(), item.notApplicableAllowed())),
                "SCORECARD_CODE_TAKEN", "indicators[0].subIndicators[0].items[0].code");
    }

    @Test
    void badCodesWeightsNamesAndScalesNameTheirField() {
        String first = "indicators[0].subIndicators[0].items[0]";
        refused(card -> withFirstItem(card, item -> new Scorecard.Item("rings", item.name(), item.weight(),
                item.scale(), false, false)), "SCORECARD_CODE_INVALID", first + ".code");
        refused(card -> withFirstItem(card, item -> new Scorecard.Item(item.code(), item.name(), 101, item.scale(),
                false, false)), "VALUE_OUT_OF_RANGE", first + ".weight");
        refused(card -> withFirstItem(card, item -> new Scorecard.Item(item.code(), item.name(), -1, item.scale(),
                false, false)), "VALUE_OUT_OF_RANGE", first + ".weight");
        refused(card -> withFirstItem(card, item -> new Scorecard.Item(item.code(), LocalizedText.of(" ", ""),
                item.weight(), item.scale(), false, false)), "REQUIRED", first + ".name");
        refused(card -> withFirstItem(card, item -> new Scorecard.Item(item.code(), item.name(), item.weight(), null,
                false, false)), "REQUIRED", first + ".scale");
    }

    @Test
    void everyLevelNeedsAnEntryBelowIt() {
        refused(card -> new Scorecard(List.of()), "SCORECARD_EMPTY", "indicators");
        refused(card -> new Scorecard(List.of(new Scorecard.Indicator("RESPONSE", LocalizedText.of("服务响应", null),
                List.of()))), "SCORECARD_INDICATOR_EMPTY", "indicators[0].subIndicators");
        refused(card -> new Scorecard(List.of(new Scorecard.Indicator("RESPONSE", LocalizedText.of("服务响应", null),
                List.of(new Scorecard.SubIndicator("SPEED", LocalizedText.of(null, "Speed"), List.of()))))),
                "SCORECARD_INDICATOR_EMPTY", "indicators[0].subIndicators[0].items");
    }

    @Test
    void theSatisfiedRatingAndTheMissesBeforeAFlagHaveDefaultsAndRanges() {
        var older = new CallTestThresholds(new BigDecimal("90"), new BigDecimal("95"), 3, 2, new BigDecimal("90"),
                new BigDecimal("5"));
        assertThat(older.communicationSatisfiedRating()).isEqualTo(4);
        assertThat(older.consecutiveMissesToFlag()).isEqualTo(3);
        assertThat(older).isEqualTo(PolicyDefaults.content().callTestThresholds());

        for (int rating : new int[] {0, 6}) {
            thresholdsRefused(new CallTestThresholds(new BigDecimal("90"), new BigDecimal("95"), 3, 2,
                    new BigDecimal("90"), new BigDecimal("5"), rating, 3), "communicationSatisfiedRating");
        }
        for (int misses : new int[] {0, 21}) {
            thresholdsRefused(new CallTestThresholds(new BigDecimal("90"), new BigDecimal("95"), 3, 2,
                    new BigDecimal("90"), new BigDecimal("5"), 4, misses), "consecutiveMissesToFlag");
        }
    }

    private static void thresholdsRefused(CallTestThresholds thresholds, String field) {
        assertThatThrownBy(thresholds::validate).isInstanceOfSatisfying(OmbudException.class, e -> {
            assertThat(e.code()).isEqualTo("VALUE_OUT_OF_RANGE");
            assertThat(e.field()).isEqualTo(field);
        });
    }

    /** The default scorecard with its first item changed. */
    private static Scorecard withFirstItem(Scorecard card, UnaryOperator<Scorecard.Item> change) {
        List<Scorecard.Indicator> indicators = new ArrayList<>(card.indicators());
        Scorecard.Indicator one = indicators.get(0);
        List<Scorecard.SubIndicator> subs = new ArrayList<>(one.subIndicators());
        Scorecard.SubIndicator two = subs.get(0);
        List<Scorecard.Item> items = new ArrayList<>(two.items());
        items.set(0, change.apply(items.get(0)));
        subs.set(0, new Scorecard.SubIndicator(two.code(), two.name(), items));
        indicators.set(0, new Scorecard.Indicator(one.code(), one.name(), subs));
        return new Scorecard(indicators);
    }

    private static void refused(UnaryOperator<Scorecard> change, String code, String field) {
        Scorecard card = change.apply(PolicyDefaults.scorecard());
        assertThatThrownBy(card::validate).isInstanceOfSatisfying(OmbudException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.field()).isEqualTo(field);
        });
    }
}
