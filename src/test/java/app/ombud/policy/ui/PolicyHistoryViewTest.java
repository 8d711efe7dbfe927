package app.ombud.policy.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.policy.PolicyDiff;
import app.ombud.policy.PolicySections;
import app.ombud.policy.PolicyService;
import app.ombud.policy.ReviewWindows;
import app.ombud.support.OmbudIntegrationTest;
import app.ombud.support.TestData;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.grid.Grid;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@OmbudIntegrationTest
@WithPortalAdmin("history-admin")
class PolicyHistoryViewTest extends SpringBrowserlessTest {

    @Autowired
    PolicyService policies;

    @Test
    @SuppressWarnings("unchecked")
    void theDiffOfTheNewestVersionShowsTheChangedSetting() {
        var saved = TestData.asAdmin(() -> {
            var now = policies.current();
            ReviewWindows w = now.content().reviewWindows();
            return policies.update(PolicySections.REVIEW_WINDOWS, now.number(), new ReviewWindows(w.teamLeadCheckHours(),
                    w.customerReplyHours(), w.followUpDays() == 5 ? 6 : 5, w.panelVotingWorkingDays(),
                    w.earlyWarningCount(), w.earlyWarningDays(), w.outOfScopeSources()), "history test");
        });
        int previousDays = TestData.asAdmin(() -> policies.version(saved.number() - 1))
                .content().reviewWindows().followUpDays();

        navigate(PolicyHistoryView.class);

        Grid<app.ombud.policy.PolicyVersion> versions = $view(Grid.class).id("history-versions");
        assertThat(test(versions).size()).isEqualTo(saved.number());
        assertThat(test(versions).getCellText(0, 0)).isEqualTo(String.valueOf(saved.number()));
        assertThat(test(versions).getCellText(0, 3)).isEqualTo("history test");
        assertThat(test(versions).getRow(saved.number() - 1).number()).isEqualTo(1);

        Grid<PolicyDiff> diff = $view(Grid.class).id("history-diff");
        assertThat(diff.getListDataView().getItems().toList()).containsExactly(new PolicyDiff(
                "reviewWindows.followUpDays", String.valueOf(previousDays),
                String.valueOf(saved.content().reviewWindows().followUpDays())));

        // picking version 1 compares it with itself: nothing differs
        test(versions).clickRow(saved.number() - 1);
        assertThat(diff.getListDataView().getItems().toList()).isEmpty();
    }
}
