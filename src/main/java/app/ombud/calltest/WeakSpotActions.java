package app.ombud.calltest;

import app.ombud.directory.DirectoryService;
import app.ombud.directory.Person;
import app.ombud.improvement.ImprovementAction;
import app.ombud.improvement.ImprovementService;
import app.ombud.improvement.ImprovementSource;
import app.ombud.improvement.RaiseImprovement;
import app.ombud.improvement.RetestRequest;
import app.ombud.improvement.SourceRef;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.OmbudException;
import app.ombud.platform.TextInput;
import app.ombud.platform.TextInput.Kind;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Raising improvement actions from test calls (SPEC §4) through the {@code improvement} module:
 * from a weak spot ({@link ImprovementSource#WEAK_SPOT}, a team or an agent that missed a
 * threshold) or from one test call's finding ({@link ImprovementSource#TEST_CALL_FINDING}),
 * optionally requiring a re-test of a scenario on a team, which the next draw that covers both
 * calls ({@link Draws}). The re-test's scenario is referred to by its number.
 */
@Service
public class WeakSpotActions {

    private final ImprovementService improvements;
    private final Scenarios scenarios;
    private final TestCalls calls;
    private final DirectoryService directory;

    WeakSpotActions(ImprovementService improvements, Scenarios scenarios, TestCalls calls,
            DirectoryService directory) {
        this.improvements = improvements;
        this.scenarios = scenarios;
        this.calls = calls;
        this.directory = directory;
    }

    /** Raises an action from a weak spot of a team or an agent; a re-test without a team calls the weak spot's team. */
    @CallTestStaff
    public ImprovementAction fromWeakSpot(WeakSpot spot, ActionDetails details, IdempotencyKey key) {
        CurrentActor.requirePerson();
        if (spot == null || spot.groupBy() == null || spot.measure() == null) {
            throw OmbudException.badRequest("REQUIRED", "weakSpot", "{0} is required", "weakSpot");
        }
        String groupId = TextInput.required(spot.groupId(), "weakSpot.groupId", Kind.LINE);
        String groupName = TextInput.optional(spot.groupName(), "weakSpot.groupName", Kind.LINE);
        String period = TextInput.required(spot.period(), "weakSpot.period", Kind.CODE);
        requireDetails(details);
        // the action's texts before any lookup (the improvement module checks them again)
        checkTexts(details);
        UUID team = switch (spot.groupBy()) {
            case TEAM -> teamId(groupId);
            case AGENT -> directory.personByEmployeeId(groupId).map(Person::teamId).orElse(null);
            default -> throw OmbudException.badRequest("WEAK_SPOT_GROUP_UNSUPPORTED", "weakSpot.groupBy",
                    "Actions are raised from the weak spots of teams and agents, not {0}", spot.groupBy().name());
        };
        String label = "%s %s %s".formatted(groupName == null ? groupId : groupName, spot.measure().name(), period);
        var source = new SourceRef("WeakSpot", spot.groupBy() == TestCallGroup.TEAM ? team : null,
                label.length() > 200 ? label.substring(0, 200) : label);
        return improvements.raise(new RaiseImprovement(ImprovementSource.WEAK_SPOT, source, details.title(),
                details.description(), details.departmentId(), details.ownerEmployeeId(), details.dueDate(),
                retest(details, team)), key);
    }

    /** Raises an action from one test call's finding; a re-test without a scenario or team calls the call's own. */
    @CallTestStaff
    public ImprovementAction fromTestCall(UUID testCallId, ActionDetails details, boolean requireRetest,
            IdempotencyKey key) {
        CurrentActor.requirePerson();
        requireDetails(details);
        checkTexts(details);
        if (testCallId == null) {
            throw OmbudException.badRequest("REQUIRED", "testCallId", "{0} is required", "testCallId");
        }
        TestCall call = calls.get(testCallId);
        if (call.status() == TestCallStatus.VOIDED) {
            throw OmbudException.conflict("TEST_CALL_VOIDED", "Test call {0} is voided", call.number());
        }
        ActionDetails withRetest = requireRetest && details.retestScenarioId() == null
                ? new ActionDetails(details.title(), details.description(), details.departmentId(),
                        details.ownerEmployeeId(), details.dueDate(), call.scenario().scenarioId(),
                        details.retestTeamId())
                : details;
        return improvements.raise(new RaiseImprovement(ImprovementSource.TEST_CALL_FINDING,
                new SourceRef("TestCall", call.id(), call.number()), details.title(), details.description(),
                details.departmentId(), details.ownerEmployeeId(), details.dueDate(),
                retest(withRetest, call.teamId())), key);
    }

    private static void requireDetails(ActionDetails details) {
        if (details == null) {
            throw OmbudException.badRequest("REQUIRED", "title", "{0} is required", "title");
        }
    }

    /** The action's texts, as the improvement module checks them, before anything is looked up. */
    private static void checkTexts(ActionDetails details) {
        TextInput.required(details.title(), "title", Kind.LINE);
        TextInput.required(details.description(), "description", Kind.TEXT);
        TextInput.required(details.ownerEmployeeId(), "ownerEmployeeId", Kind.EMPLOYEE_ID);
    }

    /** The re-test to require, its scenario by number; none when no scenario is asked for. */
    private RetestRequest retest(ActionDetails details, UUID ownTeam) {
        if (details.retestScenarioId() == null) {
            return null;
        }
        UUID team = details.retestTeamId() != null ? details.retestTeamId() : ownTeam;
        if (team == null) {
            throw OmbudException.badRequest("REQUIRED", "retestTeamId", "{0} is required", "retestTeamId");
        }
        Scenario scenario = scenarios.get(details.retestScenarioId());
        if (scenario.retired()) {
            throw OmbudException.badRequest("RETEST_SCENARIO_RETIRED", "retestScenarioId",
                    "Scenario {0} is retired", scenario.number());
        }
        return new RetestRequest(scenario.number(), team);
    }

    private static UUID teamId(String groupId) {
        try {
            return UUID.fromString(groupId);
        } catch (IllegalArgumentException e) {
            throw OmbudException.badRequest("TEAM_NOT_FOUND", "weakSpot.groupId", "No team with ID {0}", groupId);
        }
    }
}
