package app.ombud.policy;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.directory.DirectoryService;
import app.ombud.directory.Person;
import app.ombud.directory.PersonInput;
import app.ombud.platform.OmbudException;
import app.ombud.platform.Role;
import app.ombud.support.ApiAccess;
import app.ombud.support.OmbudIntegrationTest;
import app.ombud.support.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Policy sections are served to every caller, so what a save may put in them is bounded: every
 * text has a length limit and no control characters, and the people a section names must be in
 * the directory. A refused save stores nothing: the version in force stays the same.
 */
@OmbudIntegrationTest
class PolicyInputLimitsApiTest {

    /** One megabyte of text. */
    private static final String MEGABYTE = "长".repeat(1024 * 1024);

    private static final Map<String, String> SAVES = Map.of(
            "updateRouting", """
                    mutation($v: Int!, $t: String!) { updateRouting(input: {basedOnVersion: $v, rules: [
                      {group: "FRONT_DESK", name: {zh: $t}, prefixes: ["1"], mode: VERIFY_RECORDING_AND_CALL_BACK}]})
                      { policy { number } } }""",
            "updateReviewWindows", """
                    mutation($v: Int!, $t: String!) { updateReviewWindows(input: {basedOnVersion: $v, reviewWindows: {
                      teamLeadCheckHours: 2, customerReplyHours: 48, followUpDays: 3, panelVotingWorkingDays: 2,
                      earlyWarningCount: 3, earlyWarningDays: 7, outOfScopeSources: ["10016", $t], appealDays: 3,
                      panelQuorum: 4}}) { policy { number } } }""",
            "updateReviewCriteria", """
                    mutation($v: Int!, $t: String!) { updateReviewCriteria(input: {basedOnVersion: $v, criteria: {
                      attitude: [{code: "A_ARGUING", text: {zh: "与客户争吵", en: $t}}],
                      business: [{code: "B_WRONG", text: {zh: "解答错误"}}]}}) { policy { number } } }""",
            "updateMessageTemplates", """
                    mutation($v: Int!, $t: String!) { updateMessageTemplates(input: {basedOnVersion: $v, templates: {
                      reviewReply: {zh: $t}, acknowledgement: {zh: "您的投诉已受理"}}}) { policy { number } } }""",
            "updateWorkingCalendar", """
                    mutation($v: Int!, $t: String!) { updateWorkingCalendar(input: {basedOnVersion: $v, calendar: {
                      zone: "Asia/Shanghai", workingDays: [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY],
                      periods: [{start: "09:00", end: "18:00"}], holidays: [{date: "2031-10-01", name: $t}]}})
                      { policy { number } } }""",
            "updateOperationsTargets", """
                    mutation($v: Int!, $t: String!) { updateOperationsTargets(input: {basedOnVersion: $v, comment: $t,
                      targets: {callsPerAgentPerDay: 71, commonQuestionMinutes: 5, occupancyMin: "69", occupancyMax: "74",
                      onSiteHoursContract: 24, onSiteHoursOther: 48, escalationApprovalWorkingDays: 2}})
                      { policy { number } } }""");

    @Autowired
    ApiAccess api;

    @Autowired
    PolicyService policies;

    @Autowired
    DirectoryService directory;

    @ParameterizedTest
    @CsvSource({
        "updateRouting, rules[0].name.zh",
        "updateReviewWindows, outOfScopeSources",
        "updateReviewCriteria, attitude[0].text.en",
        "updateMessageTemplates, reviewReply.zh",
        "updateWorkingCalendar, holidays.name",
        "updateOperationsTargets, comment"})
    void aMegabyteInAPolicySectionIsRefusedAndNothingIsStored(String mutation, String field) {
        int current = policies.current().number();

        refused(mutation, MEGABYTE, current, "TOO_LONG", field);
        refused(mutation, "第一\u0000第二", current, "CONTROL_CHARACTERS", field);

        assertThat(policies.current().number()).isEqualTo(current);
    }

    @Test
    void theGradingRefusesAMegabyteFromThePortalToo() {
        var now = policies.current();
        Grading grading = now.content().grading();
        List<LevelRule> levels = new ArrayList<>(grading.levels());
        LevelRule first = levels.getFirst();
        levels.set(0, new LevelRule(first.level(), LocalizedText.of(MEGABYTE, "Level 1"), first.description(),
                first.handler(), first.acknowledgeHours(), first.resolutionWorkingDays(), first.criteria(),
                first.tellsLeadership()));

        var e = refusedByService(() -> policies.update(PolicySections.GRADING, now.number(),
                new Grading(levels, grading.repeatWindowDays(), grading.fallbackLevel()), "long name"));

        assertThat(e.code()).isEqualTo("TOO_LONG");
        assertThat(e.field()).isEqualTo("levels[1].name.zh");
        assertThat(policies.current().number()).isEqualTo(now.number());
    }

    @Test
    void aDutyChiefMustBeAnActivePersonOfTheDirectory() {
        String unknown = "NOBODY" + Long.toString(System.nanoTime() % 1_000_000, 36);
        int current = policies.current().number();

        api.as(Role.ADMIN).document(windows()).variable("v", current).variable("ids", List.of(unknown)).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getExtensions()).containsEntry("code", "PERSON_NOT_FOUND")
                            .containsEntry("field", "dutyChiefEmployeeIds");
                    assertThat(e.getMessage()).contains(unknown);
                }));
        assertThat(policies.current().number()).isEqualTo(current);

        Person chief = person(directory, "DC" + Long.toString(System.nanoTime() % 1_000_000, 36));
        Person leaving = person(directory, "DL" + Long.toString(System.nanoTime() % 1_000_000, 36));
        TestData.asAdmin(() -> directory.updatePerson(leaving.id(), new PersonInput(leaving.employeeId(),
                leaving.name(), null, null, leaving.roles(), false, null, null), leaving.version()));
        api.as(Role.ADMIN).document(windows()).variable("v", current)
                .variable("ids", List.of(chief.employeeId(), leaving.employeeId())).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getExtensions()).containsEntry("code", "PERSON_NOT_FOUND");
                    assertThat(e.getMessage()).contains(leaving.employeeId());
                }));

        api.as(Role.ADMIN).document(windows()).variable("v", current).variable("ids", List.of(chief.employeeId()))
                .execute().path("updateReviewWindows.policy.reviewWindows.dutyChiefEmployeeIds")
                .entityList(String.class).containsExactly(chief.employeeId());

        // once named, a chief who leaves does not block saving other sections
        var saved = policies.current();
        Person named = TestData.asAdmin(() -> directory.personByEmployeeId(chief.employeeId()).orElseThrow());
        TestData.asAdmin(() -> directory.updatePerson(named.id(), new PersonInput(named.employeeId(), named.name(),
                null, null, named.roles(), false, null, null), named.version()));
        var thresholds = saved.content().callTestThresholds();
        var next = TestData.asAdmin(() -> policies.update(PolicySections.CALL_TEST_THRESHOLDS, saved.number(), new CallTestThresholds(
                thresholds.onSpotResolutionRateMin(), thresholds.followUpOnTimeRateMin(),
                thresholds.ringsBeforeAnswerMax() + 1, thresholds.onlineFirstReplyMinutesMax(),
                thresholds.communicationSatisfactionRateMin(), thresholds.knowledgeErrorRateMax()), "rings"));
        assertThat(next.number()).isEqualTo(saved.number() + 1);
        TestData.asAdmin(() -> policies.update(PolicySections.CALL_TEST_THRESHOLDS, next.number(), thresholds, "back"));
        TestData.asAdmin(() -> policies.update(PolicySections.REVIEW_WINDOWS, next.number() + 1,
                PolicyDefaults.content().reviewWindows(), "back"));
    }

    /** An active site manager with this employee ID, created when missing. */
    static Person person(DirectoryService directory, String employeeId) {
        return TestData.asAdmin(() -> directory.personByEmployeeId(employeeId).orElseGet(() -> directory.createPerson(
                new PersonInput(employeeId, "值班长" + employeeId, null, null, Set.of(Role.SITE_MANAGER), true, null,
                        null))));
    }

    private static String windows() {
        return """
                mutation($v: Int!, $ids: [String!]) { updateReviewWindows(input: {basedOnVersion: $v, reviewWindows: {
                  teamLeadCheckHours: 2, customerReplyHours: 48, followUpDays: 3, panelVotingWorkingDays: 2,
                  earlyWarningCount: 3, earlyWarningDays: 7, outOfScopeSources: ["10016"], appealDays: 3,
                  panelQuorum: 4, dutyChiefEmployeeIds: $ids}}) { policy { number reviewWindows { dutyChiefEmployeeIds } } } }""";
    }

    private void refused(String mutation, String text, int version, String code, String field) {
        api.as(Role.ADMIN).document(SAVES.get(mutation)).variable("v", version).variable("t", text).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getExtensions()).containsEntry("code", code).containsEntry("field", field)
                            .containsEntry("classification", "BAD_REQUEST");
                    assertThat(e.getMessage()).hasSizeLessThan(300);
                }));
    }

    private static OmbudException refusedByService(Runnable save) {
        try {
            TestData.asAdmin(save);
        } catch (OmbudException e) {
            return e;
        }
        throw new AssertionError("the save was not refused");
    }
}
