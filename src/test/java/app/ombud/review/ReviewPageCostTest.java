package app.ombud.review;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.directory.DirectoryService;
import app.ombud.platform.Role;
import app.ombud.support.ApiAccess;
import app.ombud.support.OmbudIntegrationTest;
import app.ombud.support.StoreCommands;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * A page of reviews with the steps the caller may take on each costs the same number of store
 * commands whatever its size: the caller's relation is resolved once and the page's reviews are
 * read once for all their steps (a batch mapping), not once per row.
 */
@OmbudIntegrationTest
class ReviewPageCostTest {

    @Autowired
    ApiAccess api;

    @Autowired
    StoreCommands commands;

    @Autowired
    DirectoryService directory;

    @Autowired
    WorkOrders workOrders;

    @Autowired
    ReviewDesk desk;

    @Autowired
    ReviewQueries reviews;

    @Test
    void aPageOfFiftyWithItsStepsCostsAsManyCommandsAsAPageOfFive() {
        var fx = new ReviewFixture(directory, workOrders, desk, reviews);
        String accused = fx.accused("17");
        for (int i = 0; i < 50; i++) {
            fx.submitted(accused);
        }
        // the team lead of the submitter's team: their relation to each review needs their team
        HttpGraphQlTester lead = api.withToken(api.personToken(fx.lead, Role.AGENT, Role.TEAM_LEAD));
        page(lead, accused, 1);

        var five = commands.during(() -> page(lead, accused, 5));
        var fifty = commands.during(() -> page(lead, accused, 50));

        assertThat(five.result()).hasSize(5).allSatisfy(steps -> assertThat(steps)
                .containsExactly("WITHDRAW", "FORWARD", "RETURN_TO_EMPLOYEE"));
        assertThat(fifty.result()).hasSize(50).allSatisfy(steps -> assertThat(steps)
                .containsExactly("WITHDRAW", "FORWARD", "RETURN_TO_EMPLOYEE"));
        assertThat(fifty.commands()).as("store commands for 50 rows (5 rows: %d)", five.commands())
                .isEqualTo(five.commands());
    }

    @SuppressWarnings("unchecked")
    private static List<List<String>> page(HttpGraphQlTester tester, String accused, int first) {
        return tester.documentName("reviewSteps").variable("text", accused).variable("first", first).execute()
                .path("reviews.edges[*].node.allowedSteps").entityList(List.class).get().stream()
                .map(steps -> (List<String>) steps).toList();
    }
}
