package app.ombud.policy.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.policy.JudgmentCriterion;
import app.ombud.policy.LocalizedText;
import app.ombud.policy.PolicyDefaults;
import app.ombud.policy.PolicySections;
import app.ombud.policy.PolicyService;
import app.ombud.policy.ReviewCriteria;
import app.ombud.support.OmbudIntegrationTest;
import app.ombud.support.TestData;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@OmbudIntegrationTest
@WithPortalAdmin("criteria-admin")
class ReviewCriteriaViewTest extends SpringBrowserlessTest {

    @Autowired
    PolicyService policies;

    /** Other tests in this JVM judge verdicts against the default codes (A_ARGUING, B_WRONG_ANSWER ...). */
    @AfterEach
    void restoreDefaultCriteria() {
        if (!policies.current().content().reviewCriteria().equals(PolicyDefaults.reviewCriteria())) {
            TestData.asAdmin(() -> policies.update(PolicySections.REVIEW_CRITERIA, policies.current().number(),
                    PolicyDefaults.reviewCriteria(), "restore"));
        }
    }

    @Test
    void thePageShowsBothListsOfTheCriteriaInForce() {
        ReviewCriteria criteria = policies.current().content().reviewCriteria();

        navigate(ReviewCriteriaView.class);

        for (String list : new String[] {"attitude", "business"}) {
            var expected = list.equals("attitude") ? criteria.attitude() : criteria.business();
            for (int i = 0; i < expected.size(); i++) {
                JudgmentCriterion criterion = expected.get(i);
                assertThat(field(list + "-" + i + "-code").getValue()).isEqualTo(criterion.code());
                assertThat(field(list + "-" + i + "-zh").getValue()).isEqualTo(criterion.text().zh());
                assertThat(field(list + "-" + i + "-en").getValue()).isEqualTo(criterion.text().en());
            }
            assertThat($view(TextField.class).withId(list + "-" + expected.size() + "-code").exists()).isFalse();
        }
        assertThat($view(Span.class).id("policy-version").getText())
                .isEqualTo(translation("policy.editingVersion", policies.current().number()));
    }

    @Test
    void anAddedCriterionIsSavedAsANewVersionOfTheReviewCriteriaOnly() {
        int before = policies.current().number();
        ReviewCriteria criteria = policies.current().content().reviewCriteria();
        int count = criteria.attitude().size();

        navigate(ReviewCriteriaView.class);
        test($view(Button.class).id("attitude-add")).click();
        test(field("attitude-" + count + "-code")).setValue("A_INTERRUPTING");
        test(field("attitude-" + count + "-zh")).setValue("多次打断客户");
        test(field("attitude-" + count + "-en")).setValue("Interrupting the customer again and again");
        test(field("criteria-comment")).setValue("Interrupting is an attitude fault");
        test($view(Button.class).id("criteria-save")).click();

        var current = policies.current();
        assertThat(current.number()).isEqualTo(before + 1);
        assertThat(current.changedSections()).containsExactly("reviewCriteria");
        assertThat(current.comment()).isEqualTo("Interrupting is an attitude fault");
        assertThat(current.content().reviewCriteria().attitude()).hasSize(count + 1).last().isEqualTo(
                new JudgmentCriterion("A_INTERRUPTING",
                        LocalizedText.of("多次打断客户", "Interrupting the customer again and again")));
        assertThat(current.content().reviewCriteria().business()).isEqualTo(criteria.business());
        assertThat(test($(Notification.class).last()).getText()).isEqualTo(translation("policy.saved", before + 1));
        // the form now edits on top of the new version
        assertThat($view(Span.class).id("policy-version").getText())
                .isEqualTo(translation("policy.editingVersion", before + 1));
        assertThat(field("attitude-" + count + "-code").getValue()).isEqualTo("A_INTERRUPTING");
    }

    @Test
    void removingARowShiftsTheRowsBelowAndSavesTheListWithoutIt() {
        var business = policies.current().content().reviewCriteria().business();

        navigate(ReviewCriteriaView.class);
        test($view(Button.class).id("business-0-remove")).click();
        assertThat(field("business-0-code").getValue()).isEqualTo(business.get(1).code());
        test($view(Button.class).id("criteria-save")).click();

        assertThat(policies.current().content().reviewCriteria().business())
                .isEqualTo(business.subList(1, business.size()));
    }

    @Test
    void aCodeUsedTwiceIsMarkedOnTheRowThatRepeatsItAndSavesNothing() {
        int before = policies.current().number();
        String taken = policies.current().content().reviewCriteria().attitude().get(0).code();
        int count = policies.current().content().reviewCriteria().business().size();

        navigate(ReviewCriteriaView.class);
        test($view(Button.class).id("business-add")).click();
        var code = field("business-" + count + "-code");
        test(code).setValue(taken);
        test(field("business-" + count + "-zh")).setValue("重复的代码");
        test($view(Button.class).id("criteria-save")).click();

        assertThat(policies.current().number()).isEqualTo(before);
        assertThat(code.isInvalid()).isTrue();
        assertThat(code.getErrorMessage()).isEqualTo(translation("error.CRITERION_CODE_TAKEN", taken));
        assertThat(field("attitude-0-code").isInvalid()).isFalse();
        assertThat(field("business-" + count + "-zh").isInvalid()).isFalse();

        // a fresh code saves, and the mark goes away
        test(code).setValue("B_REPEATED_CODE");
        test($view(Button.class).id("criteria-save")).click();
        assertThat(policies.current().number()).isEqualTo(before + 1);
        assertThat(field("business-" + count + "-code").isInvalid()).isFalse();
    }

    private TextField field(String id) {
        return $view(TextField.class).id(id);
    }

    private static String translation(String key, Object... args) {
        return UI.getCurrent().getTranslation(key, args);
    }
}
