package app.ombud.platform;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.support.ApiAccess;
import app.ombud.support.MutationWalk;
import app.ombud.support.OmbudIntegrationTest;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * People act as people (security.md, "Steps of people"): a step that makes someone responsible,
 * judges, or speaks for a person is refused with PERSON_REQUIRED to an API client — here one
 * holding every role, so only the person rule can refuse it — before anything is looked up or
 * validated. Every mutation of the schema is sorted into one of the two lists below, so a new
 * mutation needs a decision. That persons are accepted is PeopleOnTheApiIT (and ReviewApiIT).
 */
@OmbudIntegrationTest
class PersonStepsTest {

    /** Steps of people: dispatch and handling, escalations, every review step, ballots and panel decisions. */
    static final Set<String> PERSON_STEPS = Set.of(
            "dispatchCase", "acknowledgeCase", "overrideCaseLevel", "addCaseNote", "planCaseResolution",
            "sendCaseResult", "recordCustomerAnswer", "decideCaseValidity", "closeInvalidCase",
            "raiseEscalation", "reviewEscalation", "formTaskForce", "addEscalationStep", "completeEscalationStep",
            "recordEscalationMeeting", "submitEscalationReport", "reviewEscalationReport", "sendEscalationResult",
            "evaluateEscalation",
            "submitWorkOrder", "resubmitWorkOrder", "withdrawReview", "forwardReview", "returnReviewToEmployee",
            "registerTransferredReview", "takeReview", "returnReviewToLead", "routeReview",
            "recordReviewVerification", "recordReviewSideNotice", "recordReviewSideAnswer", "judgeReview",
            "appealReview", "rejudgeReview", "nameReviewPanelSide", "recordReplyAttempt",
            "reportSpecialComplainant", "decideSpecialComplainant", "recordExplanationScript", "closeReplyAsOther",
            "addReviewToLibrary", "removeReviewFromLibrary",
            "castPanelBallot", "decideUndecidedPanel",
            "raiseImprovementAction", "reportImprovementProgress", "submitImprovementAction",
            "verifyImprovementAction", "cancelImprovementAction", "recordImprovementRetest",
            "createTrainingNeed", "completeTrainingNeed", "noteTrainingEffect",
            "createCallTestScenario", "reviseCallTestScenario", "retireCallTestScenario", "reinstateCallTestScenario",
            "createCallTestPlan", "editCallTestPlan", "submitCallTestPlan", "approveCallTestPlan",
            "sendBackCallTestPlan", "closeCallTestPlan", "drawCallTestMonth", "cancelCallTestDraw",
            "addCallTestSpotCheck", "cancelCallTestSlot",
            "recordTestCall", "recordTestCallFollowUp", "addTestCallCalibration", "setTestCallFinalScore",
            "voidTestCall", "raiseWeakSpotAction", "raiseTestCallFindingAction",
            "createCallTestReport", "editCallTestReport", "publishCallTestReport",
            "deriveTrainingNeeds",
            "createPersonalAccessToken", "revokePersonalAccessToken");

    /**
     * Steps a client with the role may take: taking in a complaint from a channel, archiving,
     * its own notifications and the outbox, and administration (directory, policy, API clients).
     */
    static final Set<String> CLIENT_STEPS = Set.of(
            "intakeCase", "archiveCase",
            "markNotificationRead", "markAllNotificationsRead", "retryOutboxMessage",
            "createPerson", "updatePerson", "resetPersonPassword", "unlockPerson", "importPeople",
            "createDepartment", "updateDepartment", "deleteDepartment", "createTeam", "updateTeam", "deleteTeam",
            "createApiClient", "updateApiClient", "setApiClientEnabled", "rotateApiClientSecret",
            "createPublicApiClient", "updatePublicApiClient",
            "updateGrading", "updateRouting", "updateReviewWindows", "updateReviewCriteria",
            "updateCallTestThresholds", "updateMessageTemplates", "updateOperationsTargets", "updateWorkingCalendar",
            "importCalendarYear", "updateScorecard", "setCallTestGroup");

    @Autowired
    ApiAccess api;

    @Autowired
    GraphQlSource graphQl;

    @Test
    void everyMutationIsEitherAStepOfPeopleOrOneForClients() {
        Set<String> mutations = graphQl.schema().getMutationType().getFieldDefinitions().stream()
                .map(f -> f.getName()).collect(Collectors.toSet());

        assertThat(PERSON_STEPS).doesNotContainAnyElementsOf(CLIENT_STEPS);
        assertThat(Stream.concat(PERSON_STEPS.stream(), CLIENT_STEPS.stream()).collect(Collectors.toSet()))
                .as("decide for each new mutation whether a client may take it").isEqualTo(mutations);
    }

    @ParameterizedTest(name = "invalid arguments: {0}")
    @ValueSource(booleans = {false, true})
    void aClientWithEveryRoleIsRefusedEveryStepOfPeople(boolean invalid) {
        String token = api.token(Role.values());

        List<String> notRefused = MutationWalk.calls(graphQl.schema(), invalid).stream()
                .filter(call -> PERSON_STEPS.contains(call.mutation()))
                .map(call -> MutationWalk.refusal(call, MutationWalk.post(api, token, call), "PERSON_REQUIRED"))
                .filter(Objects::nonNull).toList();

        assertThat(notRefused).as("steps of people an API client was not refused with PERSON_REQUIRED").isEmpty();
    }
}
