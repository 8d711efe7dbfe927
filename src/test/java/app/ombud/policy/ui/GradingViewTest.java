package app.ombud.policy.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.policy.CaseFlag;
import app.ombud.policy.PolicySections;
import app.ombud.policy.PolicyService;
import app.ombud.support.OmbudIntegrationTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@OmbudIntegrationTest
@WithPortalAdmin("grading-admin")
class GradingViewTest extends SpringBrowserlessTest {

    @Autowired
    PolicyService policies;

    @Test
    @SuppressWarnings("unchecked")
    void tryItBoxShowsLevelOneAndTheMatchedCriterionForASafetyThreat() {
        navigate(GradingView.class);
        MultiSelectComboBox<CaseFlag> flags = $view(MultiSelectComboBox.class).id("try-flags");
        test(flags).selectItem(flags.getItemLabelGenerator().apply(CaseFlag.SAFETY_THREAT));
        test($view(Button.class).id("try-evaluate")).click();

        String result = $view(Div.class).id("try-result").getText();
        int inForce = policies.current().number();
        assertThat(result).isEqualTo(
                getTranslation("policy.grading.result", 1, "L1_SAFETY", inForce));
    }

    @Test
    void savingAChangedLevelTwoResolutionDeadlineCreatesANewVersion() {
        int before = policies.current().number();
        int days = policies.current().content().grading().level(2).resolutionWorkingDays();
        int changed = days == 3 ? 4 : 3;

        navigate(GradingView.class);
        test($view(IntegerField.class).id("level-2-resolution-days")).setValue(changed);
        test($view(TextField.class).id("grading-comment")).setValue("Level 2 gets " + changed + " days");
        test($view(Button.class).id("grading-save")).click();

        var current = policies.current();
        assertThat(current.number()).isEqualTo(before + 1);
        assertThat(current.content().grading().level(2).resolutionWorkingDays()).isEqualTo(changed);
        assertThat(current.comment()).isEqualTo("Level 2 gets " + changed + " days");
        assertThat(current.changedSections()).containsExactly("grading");
        assertThat(test($(Notification.class).last()).getText())
                .isEqualTo(getTranslation("policy.saved", before + 1));
        // the form now edits on top of the new version
        assertThat($view(com.vaadin.flow.component.html.Span.class).id("policy-version").getText())
                .isEqualTo(getTranslation("policy.editingVersion", before + 1));
        assertThat($view(IntegerField.class).id("level-2-resolution-days").getValue()).isEqualTo(changed);
    }

    @Test
    void aStaleBaseVersionIsRefusedAsAConflictWithAReload() {
        navigate(GradingView.class);
        // someone else saves in between
        int days = policies.current().content().grading().repeatWindowDays();
        app.ombud.support.TestData.asAdmin(() -> {
            var now = policies.current();
            var g = now.content().grading();
            return policies.update(PolicySections.GRADING, now.number(),
                    new app.ombud.policy.Grading(g.levels(), days == 30 ? 31 : 30, g.fallbackLevel()), "other admin");
        });
        int inForce = policies.current().number();
        test($view(IntegerField.class).id("level-1-acknowledge-hours")).setValue(
                policies.current().content().grading().level(1).acknowledgeHours() == 1 ? 2 : 1);
        test($view(Button.class).id("grading-save")).click();

        assertThat(policies.current().number()).isEqualTo(inForce);
        test($(Button.class).id("policy-conflict-reload")).click();
        assertThat($view(com.vaadin.flow.component.html.Span.class).id("policy-version").getText())
                .isEqualTo(getTranslation("policy.editingVersion", inForce));
    }

    private String getTranslation(String key, Object... args) {
        return com.vaadin.flow.component.UI.getCurrent().getTranslation(key, args);
    }

}
