package app.ombud.calltest;

import app.ombud.directory.DirectoryService;
import app.ombud.directory.Team;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.Paging;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

/** The test-call programme's types: the group, the scenario library, plans, draws and slots. */
@Controller
class CallTestController {

    private final CallTestGroups groups;
    private final Scenarios scenarios;
    private final Plans plans;
    private final Draws draws;
    private final DirectoryService directory;
    private final Paging paging;

    CallTestController(CallTestGroups groups, Scenarios scenarios, Plans plans, Draws draws,
            DirectoryService directory, Paging paging) {
        this.groups = groups;
        this.scenarios = scenarios;
        this.plans = plans;
        this.draws = draws;
        this.directory = directory;
        this.paging = paging;
    }

    record CallTestGroupPayload(CallTestGroup group) {
    }

    record ScenarioPayload(Scenario scenario) {
    }

    record CallTestPlanPayload(CallTestPlan plan) {
    }

    record SetCallTestGroupInput(String leadEmployeeId, List<String> memberEmployeeIds, Long expectedVersion) {
    }

    record ReviseScenarioInput(UUID id, ScenarioInput scenario, Long expectedVersion) {
    }

    record ScenarioVersionInput(UUID id, Long expectedVersion) {
    }

    record EditCallTestPlanInput(UUID id, PlanInput plan, Long expectedVersion) {
    }

    record CallTestPlanStepInput(UUID id, Long expectedVersion) {
    }

    record SendBackCallTestPlanInput(UUID id, String reason, Long expectedVersion) {
    }

    record CloseCallTestPlanInput(UUID id, String note, Long expectedVersion) {
    }

    record DrawCallTestMonthInput(UUID planId, String month, Long expectedVersion) {
    }

    record CancelCallTestDrawInput(UUID planId, String month, String reason, Long expectedVersion) {
    }

    record AddSpotCheckInput(UUID planId, SpotCheckInput spotCheck, Long expectedVersion) {
    }

    record CancelCallTestSlotInput(UUID planId, UUID slotId, String reason, Long expectedVersion) {
    }

    @QueryMapping
    CallTestGroup callTestGroup() {
        return groups.get();
    }

    @QueryMapping
    Scenario callTestScenario(@Argument UUID id) {
        return scenarios.get(id);
    }

    @QueryMapping
    ScenarioRevision callTestScenarioRevision(@Argument UUID id, @Argument int revision) {
        return scenarios.revision(id, revision);
    }

    @QueryMapping
    Window<Scenario> callTestScenarios(@Argument ScenarioType type, @Argument CallChannel channel, @Argument String tag,
            @Argument String text, @Argument Boolean includeRetired, ScrollSubrange subrange) {
        return scenarios.search(new ScenarioFilter(type, channel, tag, text, Boolean.TRUE.equals(includeRetired)),
                paging.position(subrange), paging.size(subrange));
    }

    @QueryMapping
    CallTestPlan callTestPlan(@Argument UUID id) {
        return plans.get(id);
    }

    @QueryMapping
    Window<CallTestPlan> callTestPlans(@Argument PlanStatus status, @Argument String quarter,
            ScrollSubrange subrange) {
        return plans.search(status, quarter, paging.position(subrange), paging.size(subrange));
    }

    @QueryMapping
    Slot callTestSlot(@Argument UUID id) {
        return draws.slot(id);
    }

    @MutationMapping
    CallTestGroupPayload setCallTestGroup(@Argument SetCallTestGroupInput input) {
        return new CallTestGroupPayload(groups.set(input.leadEmployeeId(), input.memberEmployeeIds(),
                input.expectedVersion()));
    }

    @MutationMapping
    ScenarioPayload createCallTestScenario(@Argument ScenarioInput input,
            @ContextValue(name = IdempotencyKey.CONTEXT, required = false) String idempotencyKey) {
        return new ScenarioPayload(scenarios.create(input, IdempotencyKey.fromHeader(idempotencyKey)));
    }

    @MutationMapping
    ScenarioPayload reviseCallTestScenario(@Argument ReviseScenarioInput input) {
        return new ScenarioPayload(scenarios.revise(input.id(), input.scenario(), input.expectedVersion()));
    }

    @MutationMapping
    ScenarioPayload retireCallTestScenario(@Argument ScenarioVersionInput input) {
        return new ScenarioPayload(scenarios.retire(input.id(), input.expectedVersion()));
    }

    @MutationMapping
    ScenarioPayload reinstateCallTestScenario(@Argument ScenarioVersionInput input) {
        return new ScenarioPayload(scenarios.reinstate(input.id(), input.expectedVersion()));
    }

    @MutationMapping
    CallTestPlanPayload createCallTestPlan(@Argument PlanInput input,
            @ContextValue(name = IdempotencyKey.CONTEXT, required = false) String idempotencyKey) {
        return new CallTestPlanPayload(plans.create(input, IdempotencyKey.fromHeader(idempotencyKey)));
    }

    @MutationMapping
    CallTestPlanPayload editCallTestPlan(@Argument EditCallTestPlanInput input) {
        return new CallTestPlanPayload(plans.edit(input.id(), input.plan(), input.expectedVersion()));
    }

    @MutationMapping
    CallTestPlanPayload submitCallTestPlan(@Argument CallTestPlanStepInput input) {
        return new CallTestPlanPayload(plans.submit(input.id(), input.expectedVersion()));
    }

    @MutationMapping
    CallTestPlanPayload approveCallTestPlan(@Argument CallTestPlanStepInput input) {
        return new CallTestPlanPayload(plans.approve(input.id(), input.expectedVersion()));
    }

    @MutationMapping
    CallTestPlanPayload sendBackCallTestPlan(@Argument SendBackCallTestPlanInput input) {
        return new CallTestPlanPayload(plans.sendBack(input.id(), input.reason(), input.expectedVersion()));
    }

    @MutationMapping
    CallTestPlanPayload closeCallTestPlan(@Argument CloseCallTestPlanInput input) {
        return new CallTestPlanPayload(plans.close(input.id(), input.note(), input.expectedVersion()));
    }

    @MutationMapping
    CallTestPlanPayload drawCallTestMonth(@Argument DrawCallTestMonthInput input) {
        return new CallTestPlanPayload(draws.draw(input.planId(), input.month(), input.expectedVersion()));
    }

    @MutationMapping
    CallTestPlanPayload cancelCallTestDraw(@Argument CancelCallTestDrawInput input) {
        return new CallTestPlanPayload(draws.cancelDraw(input.planId(), input.month(), input.reason(),
                input.expectedVersion()));
    }

    @MutationMapping
    CallTestPlanPayload addCallTestSpotCheck(@Argument AddSpotCheckInput input) {
        return new CallTestPlanPayload(draws.addSpotCheck(input.planId(), input.spotCheck(), input.expectedVersion()));
    }

    @MutationMapping
    CallTestPlanPayload cancelCallTestSlot(@Argument CancelCallTestSlotInput input) {
        return new CallTestPlanPayload(draws.cancelSlot(input.planId(), input.slotId(), input.reason(),
                input.expectedVersion()));
    }

    @BatchMapping(typeName = "CallTestPlan", field = "teams")
    Map<CallTestPlan, List<Team>> teams(List<CallTestPlan> list) {
        var known = directory.teamsByIds(list.stream().flatMap(p -> p.teamIds().stream()).distinct().toList());
        Map<CallTestPlan, List<Team>> teams = new java.util.LinkedHashMap<>();
        list.forEach(p -> teams.put(p, p.teamIds().stream().map(known::get).filter(java.util.Objects::nonNull)
                .toList()));
        return teams;
    }
}
