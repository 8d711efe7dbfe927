package app.ombud.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.policy.MessageTemplates;
import app.ombud.policy.PolicyDefaults;
import app.ombud.policy.ReviewWindows;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Versions stored before a setting existed still read, with that setting's default. */
class PolicyJsonCompatibilityTest {

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final PolicyJson json = new PolicyJson(mapper);

    @Test
    void aVersionWithoutTheReviewSettingsOfIssue5ReadsWithTheirDefaults() {
        ObjectNode stored = (ObjectNode) mapper.readTree(json.write(PolicyDefaults.content()));
        stored.remove("reviewCriteria");
        ObjectNode windows = (ObjectNode) stored.get("reviewWindows");
        windows.remove("appealDays");
        windows.remove("panelQuorum");
        windows.remove("dutyChiefEmployeeIds");
        ((ObjectNode) stored.get("templates")).remove("hotline");

        var read = json.read(mapper.writeValueAsString(stored));

        assertThat(read.reviewCriteria()).isEqualTo(PolicyDefaults.reviewCriteria());
        assertThat(read.reviewWindows().appealDays()).isEqualTo(ReviewWindows.DEFAULT_APPEAL_DAYS);
        assertThat(read.reviewWindows().panelQuorum()).isEqualTo(ReviewWindows.DEFAULT_PANEL_QUORUM);
        assertThat(read.reviewWindows().dutyChiefEmployeeIds()).isEmpty();
        assertThat(read.templates().hotline()).isEqualTo(MessageTemplates.DEFAULT_HOTLINE);
        assertThat(json.diff(PolicyDefaults.content(), read)).isEmpty();
        read.validate();
    }

    @Test
    void aVersionFromBeforeTheScorecardReadsWithTheDefaultScorecardAndThresholds() {
        ObjectNode stored = (ObjectNode) mapper.readTree(json.write(PolicyDefaults.content()));
        stored.remove("scorecard");
        ObjectNode thresholds = (ObjectNode) stored.get("callTestThresholds");
        thresholds.remove("communicationSatisfiedRating");
        thresholds.remove("consecutiveMissesToFlag");

        var read = json.read(mapper.writeValueAsString(stored));

        assertThat(read.scorecard()).isEqualTo(PolicyDefaults.scorecard());
        assertThat(read.callTestThresholds().communicationSatisfiedRating())
                .isEqualTo(app.ombud.policy.CallTestThresholds.DEFAULT_COMMUNICATION_SATISFIED_RATING);
        assertThat(read.callTestThresholds().consecutiveMissesToFlag())
                .isEqualTo(app.ombud.policy.CallTestThresholds.DEFAULT_CONSECUTIVE_MISSES_TO_FLAG);
        assertThat(json.diff(PolicyDefaults.content(), read)).isEmpty();
        read.validate();
    }

    @Test
    void theScorecardsSettingsAreNamedByTheirCodesInADiff() {
        var before = PolicyDefaults.content();
        var card = before.scorecard();
        var first = card.indicators().get(0);
        var sub = first.subIndicators().get(0);
        var item = sub.items().get(0);
        var items = new java.util.ArrayList<>(sub.items());
        items.set(0, new app.ombud.policy.Scorecard.Item(item.code(), item.name(), item.weight() + 5, item.scale(),
                item.critical(), item.notApplicableAllowed()));
        var subs = new java.util.ArrayList<>(first.subIndicators());
        subs.set(0, new app.ombud.policy.Scorecard.SubIndicator(sub.code(), sub.name(), items));
        var indicators = new java.util.ArrayList<>(card.indicators());
        indicators.set(0, new app.ombud.policy.Scorecard.Indicator(first.code(), first.name(), subs));
        var after = before.with(app.ombud.policy.PolicySections.SCORECARD,
                new app.ombud.policy.Scorecard(indicators));

        assertThat(json.diff(before, after)).singleElement().satisfies(d -> {
            assertThat(d.path()).isEqualTo(
                    "scorecard.indicators[RESPONSE].subIndicators[RESPONSE_SPEED].items[RINGS_WITHIN_LIMIT].weight");
            assertThat(d.before()).isEqualTo("10");
            assertThat(d.after()).isEqualTo("15");
        });
        assertThat(json.changedSections(before, after)).containsExactly("scorecard");
    }
}
