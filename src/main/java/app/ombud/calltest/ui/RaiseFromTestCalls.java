package app.ombud.calltest.ui;

import app.ombud.calltest.ActionDetails;
import app.ombud.calltest.Scenario;
import app.ombud.calltest.ScenarioFilter;
import app.ombud.calltest.Scenarios;
import app.ombud.calltest.TestCall;
import app.ombud.calltest.WeakSpot;
import app.ombud.calltest.WeakSpotActions;
import app.ombud.directory.DirectoryService;
import app.ombud.improvement.ImprovementAction;
import app.ombud.improvement.ImprovementSource;
import app.ombud.improvement.RaiseImprovement;
import app.ombud.improvement.SourceRef;
import app.ombud.improvement.ui.RaiseImprovementDialog;
import app.ombud.platform.ui.PeriodLabels;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.ScrollPosition;

/**
 * "Raise improvement action" from test calls: the improvement module's raise dialog with a
 * re-test below it, raised through {@link WeakSpotActions} — from a test call (its scenario on its
 * team, when ticked) or from a weak spot of a team or an agent (a scenario of the library, chosen
 * or none). The new action's page opens.
 */
final class RaiseFromTestCalls {

    private static final int SCENARIOS = 200;

    private RaiseFromTestCalls() {
    }

    static void fromTestCall(HasComponents page, WeakSpotActions actions, DirectoryService directory, Clock clock,
            TestCall call) {
        var retest = new Checkbox(t("calltest.raise.retestThisScenario"));
        retest.setId("raise-retest");
        RaiseImprovementDialog.open(page, directory, clock, ImprovementSource.TEST_CALL_FINDING,
                new SourceRef("TestCall", call.id(), call.number()), call.departmentId(), List.of(retest),
                (request, key) -> actions.fromTestCall(call.id(), details(request, null), retest.getValue(), key),
                RaiseFromTestCalls::open);
    }

    static void fromWeakSpot(HasComponents page, WeakSpotActions actions, Scenarios scenarios,
            DirectoryService directory, Clock clock, WeakSpot spot, UUID department) {
        var scenario = new ComboBox<Scenario>(t("calltest.raise.retestScenario"));
        scenario.setId("raise-retest-scenario");
        scenario.setItems(scenarios.search(ScenarioFilter.CURRENT, ScrollPosition.offset(), SCENARIOS).getContent());
        scenario.setItemLabelGenerator(s -> s.number() + " " + s.current().title());
        scenario.setHelperText(t("calltest.raise.retestScenario.help"));
        scenario.setClearButtonVisible(true);
        String label = "%s · %s · %s".formatted(spot.groupName(), t("calltest.measure." + spot.measure()),
                PeriodLabels.of(spot.period()));
        RaiseImprovementDialog.open(page, directory, clock, ImprovementSource.WEAK_SPOT,
                new SourceRef("WeakSpot", null, label), department, List.of(scenario),
                (request, key) -> actions.fromWeakSpot(spot, details(request,
                        scenario.getValue() == null ? null : scenario.getValue().id()), key),
                RaiseFromTestCalls::open);
    }

    private static ActionDetails details(RaiseImprovement request, UUID retestScenario) {
        return new ActionDetails(request.title(), request.description(), request.departmentId(),
                request.ownerEmployeeId(), request.dueDate(), retestScenario, null);
    }

    private static void open(ImprovementAction raised) {
        UI.getCurrent().navigate("improvements/" + raised.id());
    }

    private static String t(String key, Object... args) {
        return UI.getCurrent().getTranslation(key, args);
    }
}
