package app.ombud.policy;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.platform.Role;
import app.ombud.support.ApiAccess;
import app.ombud.support.OmbudIntegrationTest;
import app.ombud.support.TestData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

@OmbudIntegrationTest
class PolicyApiTest {

    @Autowired
    ApiAccess api;

    @Autowired
    PolicyService policies;

    @Autowired
    app.ombud.directory.DirectoryService directory;

    @Test
    void biReadersReadThePolicyAndPreviewGradingRoutingAndDeadlines() {
        var bi = api.as(Role.BI_READER);
        bi.document("""
                { policy { number grading { levels { level resolutionWorkingDays criteria { code } } }
                           routing { group prefixes ranges { from to } } calendar { zone periods { start end } } } }
                """).execute()
                .path("policy.grading.levels[1].level").entity(Integer.class).isEqualTo(2)
                .path("policy.routing[0].group").entity(String.class).isEqualTo("FRONT_DESK")
                .path("policy.calendar.zone").entity(String.class).isEqualTo("Asia/Shanghai");

        bi.document("""
                { evaluateLevel(facts: {category: PRODUCT_QUALITY, flags: [SAFETY_THREAT]}) { level matchedCriteria fallback } }
                """).execute()
                .path("evaluateLevel.level").entity(Integer.class).isEqualTo(1)
                .path("evaluateLevel.matchedCriteria").entityList(String.class).containsExactly("L1_SAFETY");

        bi.document("{ routeEmployee(employeeId: \"3512\") { routed rule { group notifyNumber mode } matchedPrefix } }")
                .execute()
                .path("routeEmployee.rule.group").entity(String.class).isEqualTo("LINE_10109696")
                .path("routeEmployee.rule.mode").entity(String.class).isEqualTo("NOTIFY_BY_CALL");
        bi.document("{ routeEmployee(employeeId: \"9001\") { routed rule { group } } }").execute()
                .path("routeEmployee.routed").entity(Boolean.class).isEqualTo(false);

        // Saturday 2031-03-08 10:00 in Shanghai: counting starts Monday 09:00
        bi.document("""
                { addWorkingTime(input: {start: "2031-03-08T10:00:00+08:00", workingHours: 2}) { due policyVersion } }
                """).execute()
                .path("addWorkingTime.due").entity(String.class).isEqualTo("2031-03-10T03:00:00Z");
    }

    @Test
    void adminsSaveSectionsAndAStaleVersionIsAConflict() {
        String chief = PolicyInputLimitsApiTest.person(directory,
                "M" + Long.toString(System.nanoTime() % 1_000_000, 36)).employeeId();
        int current = policies.current().number();
        var admin = api.as(Role.ADMIN);
        admin.document("""
                mutation($v: Int!, $chief: String!) { updateReviewWindows(input: {basedOnVersion: $v, comment: "test",
                  reviewWindows: {teamLeadCheckHours: 3, customerReplyHours: 48, followUpDays: 3,
                  panelVotingWorkingDays: 2, earlyWarningCount: 3, earlyWarningDays: 7, outOfScopeSources: ["10016"],
                  appealDays: 3, panelQuorum: 4, dutyChiefEmployeeIds: [$chief]}})
                  { policy { number changedSections reviewWindows { teamLeadCheckHours dutyChiefEmployeeIds } } } }
                """).variable("v", current).variable("chief", chief).execute()
                .path("updateReviewWindows.policy.number").entity(Integer.class).isEqualTo(current + 1)
                .path("updateReviewWindows.policy.reviewWindows.dutyChiefEmployeeIds").entityList(String.class)
                .containsExactly(chief)
                .path("updateReviewWindows.policy.reviewWindows.teamLeadCheckHours").entity(Integer.class).isEqualTo(3);

        admin.document("""
                mutation($v: Int!) { updateOperationsTargets(input: {basedOnVersion: $v,
                  targets: {callsPerAgentPerDay: 70, commonQuestionMinutes: 5, occupancyMin: "69", occupancyMax: "74",
                  onSiteHoursContract: 24, onSiteHoursOther: 48, escalationApprovalWorkingDays: 2}}) { policy { number } } }
                """).variable("v", current).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "POLICY_VERSION_CONFLICT")));
    }

    @Test
    void adminsSaveVerdictCriteriaAndATwiceUsedCodeNamesTheField() {
        int current = policies.current().number();
        var admin = api.as(Role.ADMIN);
        String save = """
                mutation($v: Int!, $code: String!) { updateReviewCriteria(input: {basedOnVersion: $v, criteria: {
                  attitude: [{code: "A_ARGUING", text: {zh: "与客户争吵", en: "Arguing"}}],
                  business: [{code: $code, text: {zh: "解答错误", en: "Wrong answer"}}]}})
                  { policy { number reviewCriteria { attitude { code text { zh } } business { code } } } } }
                """;
        admin.document(save).variable("v", current).variable("code", "A_ARGUING").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> assertThat(
                        e.getExtensions()).containsEntry("code", "CRITERION_CODE_TAKEN")
                        .containsEntry("field", "business[0].code")));
        assertThat(policies.current().number()).isEqualTo(current);
        admin.document(save).variable("v", current).variable("code", "B_WRONG").execute()
                .path("updateReviewCriteria.policy.number").entity(Integer.class).isEqualTo(current + 1)
                .path("updateReviewCriteria.policy.reviewCriteria.business[0].code").entity(String.class)
                .isEqualTo("B_WRONG");
        TestData.asAdmin(() -> policies.update(PolicySections.REVIEW_CRITERIA, current + 1, PolicyDefaults.reviewCriteria(), "back"));
    }

    @Test
    void biReadersReadTheScorecardAndAdminsSaveOneWhoseWeightsAreNotAllZero() {
        api.as(Role.BI_READER).document("""
                { policy { scorecard { indicators { code name { zh en } subIndicators { code items {
                    code weight scale critical notApplicableAllowed } } } }
                  callTestThresholds { communicationSatisfiedRating consecutiveMissesToFlag } } }
                """).execute()
                .path("policy.scorecard.indicators[*].code").entityList(String.class)
                .containsExactly("RESPONSE", "CONDUCT", "SOLVING")
                .path("policy.scorecard.indicators[0].name.en").entity(String.class).isEqualTo("Service response")
                .path("policy.scorecard.indicators[2].subIndicators[0].items[0].code").entity(String.class)
                .isEqualTo("ANSWER_CORRECT")
                .path("policy.scorecard.indicators[2].subIndicators[0].items[0].scale").entity(String.class)
                .isEqualTo("FIVE_POINTS")
                .path("policy.scorecard.indicators[2].subIndicators[0].items[0].critical").entity(Boolean.class)
                .isEqualTo(true)
                .path("policy.callTestThresholds.communicationSatisfiedRating").entity(Integer.class).isEqualTo(4)
                .path("policy.callTestThresholds.consecutiveMissesToFlag").entity(Integer.class).isEqualTo(3);

        int current = policies.current().number();
        var admin = api.as(Role.ADMIN);
        String save = """
                mutation($v: Int!, $weight: Int!) { updateScorecard(input: {basedOnVersion: $v, comment: "short card",
                  scorecard: {indicators: [{code: "RESPONSE", name: {zh: "服务响应", en: "Service response"},
                    subIndicators: [{code: "SPEED", name: {zh: "接通及时"}, items: [
                      {code: "RINGS", name: {zh: "振铃三声内接听"}, weight: $weight, scale: YES_NO, critical: false,
                       notApplicableAllowed: true},
                      {code: "POLITE", name: {en: "Polite"}, weight: 0, scale: FIVE_POINTS, critical: true,
                       notApplicableAllowed: false}]}]}]}})
                  { policy { number changedSections scorecard { indicators { subIndicators { items { code weight } } } } } } }
                """;
        try {
            admin.document(save).variable("v", current).variable("weight", 0).execute()
                    .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> assertThat(
                            e.getExtensions()).containsEntry("code", "SCORECARD_WEIGHTS_ZERO")
                            .containsEntry("field", "indicators")));
            assertThat(policies.current().number()).isEqualTo(current);
            admin.document(save).variable("v", current).variable("weight", 10).execute()
                    .path("updateScorecard.policy.number").entity(Integer.class).isEqualTo(current + 1)
                    .path("updateScorecard.policy.changedSections").entityList(String.class).containsExactly("scorecard")
                    .path("updateScorecard.policy.scorecard.indicators[0].subIndicators[0].items[*].code")
                    .entityList(String.class).containsExactly("RINGS", "POLITE");

            admin.document("""
                    mutation($v: Int!) { updateCallTestThresholds(input: {basedOnVersion: $v, thresholds: {
                      onSpotResolutionRateMin: 90, followUpOnTimeRateMin: 95, ringsBeforeAnswerMax: 3,
                      onlineFirstReplyMinutesMax: 2, communicationSatisfactionRateMin: 90, knowledgeErrorRateMax: 5,
                      communicationSatisfiedRating: 6}}) { policy { number } } }
                    """).variable("v", current + 1).execute()
                    .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> assertThat(
                            e.getExtensions()).containsEntry("code", "VALUE_OUT_OF_RANGE")
                            .containsEntry("field", "communicationSatisfiedRating")));
            admin.document("""
                    mutation($v: Int!) { updateCallTestThresholds(input: {basedOnVersion: $v, thresholds: {
                      onSpotResolutionRateMin: 90, followUpOnTimeRateMin: 95, ringsBeforeAnswerMax: 3,
                      onlineFirstReplyMinutesMax: 2, communicationSatisfactionRateMin: 90, knowledgeErrorRateMax: 5,
                      communicationSatisfiedRating: 5, consecutiveMissesToFlag: 2}})
                      { policy { callTestThresholds { communicationSatisfiedRating consecutiveMissesToFlag } } } }
                    """).variable("v", current + 1).execute()
                    .path("updateCallTestThresholds.policy.callTestThresholds.communicationSatisfiedRating")
                    .entity(Integer.class).isEqualTo(5)
                    .path("updateCallTestThresholds.policy.callTestThresholds.consecutiveMissesToFlag")
                    .entity(Integer.class).isEqualTo(2);
        } finally {
            restoreScorecardAndThresholds(policies);
        }
    }

    /** Back to the shipped scorecard and thresholds, for the tests that follow. */
    static void restoreScorecardAndThresholds(PolicyService policies) {
        var content = policies.current().content();
        if (!content.scorecard().equals(PolicyDefaults.scorecard())) {
            TestData.asAdmin(() -> policies.update(PolicySections.SCORECARD, policies.current().number(),
                    PolicyDefaults.scorecard(), "restore"));
        }
        var thresholds = PolicyDefaults.content().callTestThresholds();
        if (!policies.current().content().callTestThresholds().equals(thresholds)) {
            TestData.asAdmin(() -> policies.update(PolicySections.CALL_TEST_THRESHOLDS, policies.current().number(),
                    thresholds, "restore"));
        }
    }

    @Test
    void aBadCalendarNamesTheFieldAndChangesNothing() {
        int current = policies.current().number();
        api.as(Role.ADMIN).document("""
                mutation($v: Int!) { updateWorkingCalendar(input: {basedOnVersion: $v, calendar: {zone: "Asia/Shanghai",
                  workingDays: [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY],
                  periods: [{start: "09:00", end: "12:00"}, {start: "13:30", end: "18:00"}],
                  workdays: [{date: "2031-03-11", name: "not a weekend"}]}}) { policy { number } } }
                """).variable("v", current).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> assertThat(
                        e.getExtensions()).containsEntry("code", "CALENDAR_SWAPPED_DAY_ALREADY_WORKING")
                        .containsEntry("field", "workdays")));
        assertThat(policies.current().number()).isEqualTo(current);
    }

    @ParameterizedTest
    @ValueSource(strings = {"updateGrading", "updateRouting", "updateReviewWindows", "updateReviewCriteria",
            "updateCallTestThresholds", "updateScorecard",
            "updateMessageTemplates", "updateOperationsTargets", "updateWorkingCalendar"})
    void everyPolicyMutationIsForAdminsOnly(String mutation) {
        Map<String, String> inputs = Map.of(
                "updateGrading", "grading: {levels: [], repeatWindowDays: 30, fallbackLevel: 3}",
                "updateRouting", "rules: []",
                "updateReviewWindows", "reviewWindows: {teamLeadCheckHours: 2, customerReplyHours: 48, followUpDays: 3, "
                        + "panelVotingWorkingDays: 2, earlyWarningCount: 3, earlyWarningDays: 7, appealDays: 3, "
                        + "panelQuorum: 4}",
                "updateReviewCriteria", "criteria: {attitude: [{code: \"A_X\", text: {zh: \"争吵\"}}], "
                        + "business: [{code: \"B_X\", text: {zh: \"错答\"}}]}",
                "updateCallTestThresholds", "thresholds: {onSpotResolutionRateMin: 90, followUpOnTimeRateMin: 95, "
                        + "ringsBeforeAnswerMax: 3, onlineFirstReplyMinutesMax: 2, communicationSatisfactionRateMin: 90, "
                        + "knowledgeErrorRateMax: 5}",
                "updateScorecard", "scorecard: {indicators: [{code: \"RESPONSE\", name: {zh: \"服务响应\"}, "
                        + "subIndicators: [{code: \"SPEED\", name: {zh: \"接通及时\"}, items: [{code: \"RINGS\", "
                        + "name: {zh: \"振铃\"}, weight: 10, scale: YES_NO, critical: false, notApplicableAllowed: true}]}]}]}",
                "updateMessageTemplates", "templates: {reviewReply: {zh: \"x\"}, acknowledgement: {zh: \"y\"}}",
                "updateOperationsTargets", "targets: {callsPerAgentPerDay: 70, commonQuestionMinutes: 5, occupancyMin: 69, "
                        + "occupancyMax: 74, onSiteHoursContract: 24, onSiteHoursOther: 48, escalationApprovalWorkingDays: 2}",
                "updateWorkingCalendar", "calendar: {zone: \"Asia/Shanghai\", workingDays: [MONDAY], "
                        + "periods: [{start: \"09:00\", end: \"17:00\"}]}");
        String document = "mutation { " + mutation + "(input: {basedOnVersion: 1, " + inputs.get(mutation)
                + "}) { policy { number } } }";
        for (Role role : List.of(Role.AGENT, Role.BI_READER)) {
            api.as(role).document(document).execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                    .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
        }
    }
}
