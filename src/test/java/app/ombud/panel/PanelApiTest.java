package app.ombud.panel;

import static app.ombud.support.TestData.as;
import static app.ombud.support.TestData.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.directory.DirectoryService;
import app.ombud.directory.PersonInput;
import app.ombud.platform.Role;
import app.ombud.support.ApiAccess;
import app.ombud.support.OmbudIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
        String p = "PA" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        List<String> employeeSide = List.of(p + "E1", p + "E2", p + "E3");
        List<String> reviewSide = List.of(p + "R1", p + "R2", p + "R3");
        String manager = p + "M";
        String judgingManager = p + "JM";
        Panel panel = asAdmin(() -> {
            for (String member : employeeSide) {
                person(member, Role.AGENT);
            }
            for (String member : reviewSide) {
                person(member, Role.REVIEWER);
            }
            person(manager, Role.SITE_MANAGER);
            person(judgingManager, Role.REVIEWER, Role.SITE_MANAGER);
            return panels.form(UUID.randomUUID(), new PanelRequest("Review", UUID.randomUUID(), "BM-TEST-" + p, "q",
                    employeeSide, reviewSide, Set.of("17" + p, judgingManager), Set.of("17" + p)));
        });
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

    private void person(String id, Role... roles) {
        directory.createPerson(new PersonInput(id, "成员" + id, null, null, Set.of(roles), true, null, null));
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
