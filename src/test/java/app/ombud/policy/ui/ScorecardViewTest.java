package app.ombud.policy.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.policy.PolicyDefaults;
import app.ombud.policy.PolicySections;
import app.ombud.policy.PolicyService;
import app.ombud.policy.ScoreScale;
import app.ombud.policy.Scorecard;
import app.ombud.support.OmbudIntegrationTest;
import app.ombud.support.TestData;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@OmbudIntegrationTest
@WithPortalAdmin("scorecard-admin")
class ScorecardViewTest extends SpringBrowserlessTest {

    @Autowired
    PolicyService policies;

    /** Later tests score test calls on the shipped scorecard. */
    @AfterEach
    void restoreDefaultScorecard() {
        if (!policies.current().content().scorecard().equals(PolicyDefaults.scorecard())) {
            TestData.asAdmin(() -> policies.update(PolicySections.SCORECARD, policies.current().number(),
                    PolicyDefaults.scorecard(), "restore"));
        }
    }

    @Test
    void theTreeShowsEveryIndicatorAndItemWithItsWeightAndShare() {
        Scorecard card = policies.current().content().scorecard();
        int total = card.items().mapToInt(Scorecard.Item::weight).sum();

        navigate(ScorecardView.class);

        var grid = grid();
        // 3 level-1 + 8 level-2 + 19 items, all expanded
        assertThat(test(grid).size()).isEqualTo(3 + 8 + 19);
        assertThat(test(grid).getRow(0).code).isEqualTo("RESPONSE");
        assertThat(cell(0, "name")).isEqualTo(card.indicators().get(0).name().in(UI.getCurrent().getLocale()));
        int response = card.indicators().get(0).items().mapToInt(Scorecard.Item::weight).sum();
        assertThat(cell(0, "weight")).isEqualTo(String.valueOf(response));
        assertThat(cell(0, "share")).isEqualTo(new java.math.BigDecimal(response * 100)
                .divide(new java.math.BigDecimal(total), 1, java.math.RoundingMode.HALF_UP) + " %");
        int answer = row("ANSWER_CORRECT");
        assertThat(cell(answer, "scale")).isEqualTo(translation("policy.scale.FIVE_POINTS"));
        assertThat(cell(answer, "critical")).isEqualTo(translation("policy.yesNo.true"));
        assertThat($view(Span.class).id("scorecard-total-weight").getText())
                .isEqualTo(translation("policy.scorecard.totalWeight", total));
    }

    @Test
    void anEditedWeightIsSavedAsANewVersionOfTheScorecardOnly() {
        int before = policies.current().number();
        Scorecard card = policies.current().content().scorecard();
        Scorecard.Item politeness = card.item("POLITENESS").orElseThrow();

        navigate(ScorecardView.class);
        test(grid()).select(row("POLITENESS"));
        var weight = $view(IntegerField.class).id("scorecard-weight");
        assertThat(weight.getValue()).isEqualTo(politeness.weight());
        test(weight).setValue(politeness.weight() + 4);
        assertThat(cell(row("POLITENESS"), "weight")).isEqualTo(String.valueOf(politeness.weight() + 4));
        test($view(TextField.class).id("scorecard-comment")).setValue("Politeness weighs more");
        test($view(Button.class).id("scorecard-save")).click();

        var current = policies.current();
        assertThat(current.number()).isEqualTo(before + 1);
        assertThat(current.changedSections()).containsExactly("scorecard");
        assertThat(current.comment()).isEqualTo("Politeness weighs more");
        assertThat(current.content().scorecard().item("POLITENESS")).get().extracting(Scorecard.Item::weight)
                .isEqualTo(politeness.weight() + 4);
        assertThat(current.content().scorecard().items().filter(item -> !item.code().equals("POLITENESS")))
                .containsExactlyElementsOf(card.items().filter(item -> !item.code().equals("POLITENESS")).toList());
        assertThat($view(Span.class).id("policy-version").getText())
                .isEqualTo(translation("policy.editingVersion", before + 1));
    }

    @Test
    void anItemAddedUnderALevelTwoIndicatorIsSavedWithItsScaleAndFlags() {
        int before = policies.current().number();

        navigate(ScorecardView.class);
        test(grid()).select(row("COMMUNICATION"));
        test($view(Button.class).id("scorecard-add-item")).click();
        test($view(TextField.class).id("scorecard-code")).setValue("PLAIN_WORDS");
        test($view(TextField.class).id("scorecard-name-zh")).setValue("使用通俗易懂的语言");
        test($view(TextField.class).id("scorecard-name-en")).setValue("Plain words, no jargon");
        test($view(IntegerField.class).id("scorecard-weight")).setValue(3);
        @SuppressWarnings("unchecked")
        ComboBox<ScoreScale> scale = $view(ComboBox.class).id("scorecard-scale");
        test(scale).selectItem(translation("policy.scale.FOUR_POINTS"));
        test($view(Checkbox.class).id("scorecard-not-applicable")).click();
        test($view(Button.class).id("scorecard-save")).click();

        assertThat(policies.current().number()).isEqualTo(before + 1);
        var communication = policies.current().content().scorecard().indicators().get(1).subIndicators().stream()
                .filter(sub -> sub.code().equals("COMMUNICATION")).findFirst().orElseThrow();
        assertThat(communication.items()).last().isEqualTo(new Scorecard.Item("PLAIN_WORDS",
                app.ombud.policy.LocalizedText.of("使用通俗易懂的语言", "Plain words, no jargon"), 3,
                ScoreScale.FOUR_POINTS, false, true));
    }

    @Test
    void aTakenCodeIsMarkedOnTheNodeThatRepeatsItAndSavesNothing() {
        int before = policies.current().number();

        navigate(ScorecardView.class);
        test(grid()).select(row("CLOSING"));
        var code = $view(TextField.class).id("scorecard-code");
        test(code).setValue("GREETING");
        test($view(Button.class).id("scorecard-save")).click();

        assertThat(policies.current().number()).isEqualTo(before);
        assertThat(code.isInvalid()).isTrue();
        assertThat(code.getErrorMessage()).isEqualTo(translation("error.SCORECARD_CODE_TAKEN", "GREETING"));
        assertThat(test(grid()).getSelected()).singleElement().satisfies(node ->
                assertThat(((ScorecardTree.Node) node).code).isEqualTo("GREETING"));
    }

    @Test
    void removingALevelTwoIndicatorRemovesItsItems() {
        navigate(ScorecardView.class);
        test(grid()).select(row("INFORMATION_SECURITY"));
        test($view(Button.class).id("scorecard-remove")).click();
        assertThat(test(grid()).size()).isEqualTo(3 + 7 + 17);
        test($view(Button.class).id("scorecard-save")).click();

        Scorecard saved = policies.current().content().scorecard();
        assertThat(saved.item("NO_DATA_LEAK")).isEmpty();
        assertThat(saved.items()).hasSize(17);
    }

    @SuppressWarnings("unchecked")
    private TreeGrid<ScorecardTree.Node> grid() {
        return $view(TreeGrid.class).id("scorecard-grid");
    }

    private int row(String code) {
        var grid = test(grid());
        return IntStream.range(0, grid.size()).filter(r -> grid.getRow(r).code.equals(code)).findFirst()
                .orElseThrow();
    }

    private String cell(int row, String column) {
        var grid = test(grid());
        return grid.getCellText(row, grid.getColumnPosition(column));
    }

    private static String translation(String key, Object... args) {
        return UI.getCurrent().getTranslation(key, args);
    }
}
