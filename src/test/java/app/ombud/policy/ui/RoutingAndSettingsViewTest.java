package app.ombud.policy.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.policy.PolicyService;
import app.ombud.support.OmbudIntegrationTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@OmbudIntegrationTest
@WithPortalAdmin("settings-admin")
class RoutingAndSettingsViewTest extends SpringBrowserlessTest {

    @Autowired
    PolicyService policies;

    @Test
    void routingTryItNamesTheGroupOrSaysUnrouted() {
        navigate(RoutingView.class);
        test($view(TextField.class).id("routing-try-employee")).setValue("2534");
        test($view(Button.class).id("routing-try-run")).click();
        String routed = $view(Div.class).id("routing-try-result").getText();
        assertThat(routed).contains("FRONT_DESK").contains("25");

        test($view(TextField.class).id("routing-try-employee")).setValue("9999");
        test($view(Button.class).id("routing-try-run")).click();
        assertThat($view(Div.class).id("routing-try-result").getText()).isEqualTo(UI.getCurrent()
                .getTranslation("policy.routing.unrouted", "9999", policies.current().number()));
    }

    @Test
    void anOverlappingRoutingPrefixIsShownAtTheFieldAndSavesNothing() {
        int before = policies.current().number();
        navigate(RoutingView.class);
        var prefixes = $view(TextField.class).withLabel(UI.getCurrent().getTranslation("policy.routing.prefixes"))
                .all();
        // the second rule also claims 17, which the first rule owns
        var second = prefixes.get(1);
        test(second).setValue(second.getValue() + ", 17");
        test($view(Button.class).id("routing-save")).click();

        assertThat(policies.current().number()).isEqualTo(before);
        assertThat(second.isInvalid()).isTrue();
        assertThat(second.getErrorMessage()).contains("17");
    }

    @Test
    void reviewWindowsSaveOnTheirOwnAndAnOutOfRangeValueIsMarked() {
        navigate(PolicySettingsView.class);
        int before = policies.current().number();
        var hours = $view(IntegerField.class).id("reviewWindows-teamLeadCheckHours");
        test(hours).setValue(0);
        test($view(Button.class).id("reviewWindows-save")).click();
        assertThat(hours.isInvalid()).isTrue();
        assertThat(policies.current().number()).isEqualTo(before);

        int changed = policies.current().content().reviewWindows().teamLeadCheckHours() == 3 ? 4 : 3;
        test(hours).setValue(changed);
        test($view(Button.class).id("reviewWindows-save")).click();
        assertThat(hours.isInvalid()).isFalse();
        assertThat(policies.current().number()).isEqualTo(before + 1);
        assertThat(policies.current().content().reviewWindows().teamLeadCheckHours()).isEqualTo(changed);
        assertThat(policies.current().changedSections()).containsExactly("reviewWindows");
    }

    @Test
    void theSatisfiedRatingAndTheMissesBeforeAFlagSaveWithTheThresholds() {
        navigate(PolicySettingsView.class);
        int before = policies.current().number();
        var rating = $view(IntegerField.class).id("callTestThresholds-communicationSatisfiedRating");
        var misses = $view(IntegerField.class).id("callTestThresholds-consecutiveMissesToFlag");
        assertThat(rating.getValue()).isEqualTo(policies.current().content().callTestThresholds()
                .communicationSatisfiedRating());
        try {
            test(rating).setValue(6);
            test($view(Button.class).id("callTestThresholds-save")).click();
            assertThat(rating.isInvalid()).isTrue();
            assertThat(policies.current().number()).isEqualTo(before);

            test(rating).setValue(5);
            test(misses).setValue(4);
            test($view(Button.class).id("callTestThresholds-save")).click();
            var thresholds = policies.current().content().callTestThresholds();
            assertThat(policies.current().number()).isEqualTo(before + 1);
            assertThat(thresholds.communicationSatisfiedRating()).isEqualTo(5);
            assertThat(thresholds.consecutiveMissesToFlag()).isEqualTo(4);
            assertThat(policies.current().changedSections()).containsExactly("callTestThresholds");
        } finally {
            var shipped = app.ombud.policy.PolicyDefaults.content().callTestThresholds();
            if (!policies.current().content().callTestThresholds().equals(shipped)) {
                app.ombud.support.TestData.asAdmin(() -> policies.update(
                        app.ombud.policy.PolicySections.CALL_TEST_THRESHOLDS, policies.current().number(), shipped,
                        "restore"));
            }
        }
    }
}
