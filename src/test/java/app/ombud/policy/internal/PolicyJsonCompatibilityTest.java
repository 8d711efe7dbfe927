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
}
