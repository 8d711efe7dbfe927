package app.ombud.panel;

import static app.ombud.support.TestData.as;
import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.directory.DirectoryService;
import app.ombud.platform.Role;
import app.ombud.support.ApiAccess;
import app.ombud.support.OmbudIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * {@code Panel.allowedSteps} through the API (operations in {@code graphql-test/}): the same rule
 * as the commands, so a step the API does not offer is the step the mutation refuses.
 */
@OmbudIntegrationTest
class PanelApiTest {

    @Autowired
    ApiAccess api;

    @Autowired
    PanelService panels;

    @Autowired
    DirectoryService directory;

    @Test
    void allowedStepsOfferTheDecisionOnlyToAnImpartialSiteManager() {
        var fx = new PanelFixture(directory, panels, "PA");
        List<String> employeeSide = fx.employeeSide;
        List<String> reviewSide = fx.reviewSide;
        String manager = fx.siteManager;
        String judgingManager = fx.p + "JM";
        fx.person(judgingManager, "兼任质检的现场负责人", Role.REVIEWER, Role.SITE_MANAGER);
        Panel panel = fx.form("q", judgingManager);
        var member = api.withToken(api.personToken(employeeSide.get(0), Role.AGENT));
        assertThat(steps(member, panel)).containsExactly("CAST");
        for (int i = 0; i < 3; i++) {
            String e = employeeSide.get(i);
            String r = reviewSide.get(i);
            as(e, () -> panels.cast(panel.id(), Choice.UPHOLD), Role.AGENT);
            as(r, () -> panels.cast(panel.id(), Choice.OVERTURN), Role.REVIEWER);
        }
        assertThat(steps(member, panel)).isEmpty();

        var judge = api.withToken(api.personToken(judgingManager, Role.REVIEWER, Role.SITE_MANAGER));
        assertThat(steps(judge, panel)).isEmpty();
        decide(judge, panel).errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "PANEL_DECIDER_NOT_IMPARTIAL")));

        var decider = api.withToken(api.personToken(manager, Role.SITE_MANAGER));
        assertThat(steps(decider, panel)).containsExactly("DECIDE_AS_SITE_MANAGER");
        decide(decider, panel).path("decideUndecidedPanel.panel.decidedBy").entity(String.class)
                .isEqualTo("SITE_MANAGER")
                .path("decideUndecidedPanel.panel.allowedSteps").entityList(String.class).hasSize(0);
    }


    private static List<String> steps(GraphQlTester caller, Panel panel) {
        return caller.documentName("panelSteps").variable("id", panel.id().toString()).execute()
                .path("panel.allowedSteps").entityList(String.class).get();
    }

    private static GraphQlTester.Response decide(GraphQlTester caller, Panel panel) {
        return caller.documentName("decideUndecidedPanel").variable("input", Map.of("panelId", panel.id().toString(),
                "decision", "UPHOLD", "reason", "录音显示坐席已解释")).execute();
    }
}
