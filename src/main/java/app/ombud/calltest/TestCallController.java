package app.ombud.calltest;

import app.ombud.improvement.ImprovementAction;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.Paging;
import app.ombud.platform.TimeBucket;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

/** The GraphQL mapping of test calls and their figures ({@code testcalls.graphqls}). */
@Controller
class TestCallController {

    private final TestCalls calls;
    private final TestCallStatistics statistics;
    private final WeakSpotActions actions;
    private final Paging paging;

    TestCallController(TestCalls calls, TestCallStatistics statistics, WeakSpotActions actions, Paging paging) {
        this.calls = calls;
        this.statistics = statistics;
        this.actions = actions;
        this.paging = paging;
    }

    record Answer(String item, Integer value) {
    }

    record RecordInput(UUID slotId, ScenarioRef scenario, Instant calledAt, Integer ringsBeforeAnswer,
            BigDecimal firstReplyMinutes, String performance, boolean solvedOnSpot, List<KnowledgeResult> knowledge,
            Communication communication, Instant followUpPromisedDue, List<String> problems, String suggestions,
            String recordingRef, List<Answer> answers) {
    }

    record FollowUpInput(UUID id, Instant deliveredAt, Long expectedVersion) {
    }

    record CalibrationInput(UUID id, List<Answer> answers, Long expectedVersion) {
    }

    record FinalScoreInput(UUID id, BigDecimal score, String reason, Long expectedVersion) {
    }

    record VoidInput(UUID id, String reason, Long expectedVersion) {
    }

    record TestCallPayload(TestCall testCall) {
    }

    record WeakSpotActionInput(WeakSpot weakSpot, String title, String description, UUID departmentId,
            String ownerEmployeeId, LocalDate dueDate, UUID retestScenarioId, UUID retestTeamId) {
    }

    record FindingActionInput(UUID testCallId, String title, String description, UUID departmentId,
            String ownerEmployeeId, LocalDate dueDate, Boolean requireRetest, UUID retestScenarioId,
            UUID retestTeamId) {
    }

    record ActionPayload(ImprovementAction action) {
    }

    @QueryMapping
    TestCall testCall(@Argument UUID id) {
        return calls.get(id);
    }

    @QueryMapping
    Window<TestCall> testCalls(@Argument UUID planId, @Argument UUID teamId, @Argument String agentEmployeeId,
            @Argument CallChannel channel, @Argument TestCallStatus status, @Argument Instant from,
            @Argument Instant to, @Argument UUID departmentId, @Argument ScenarioType scenarioType,
            ScrollSubrange subrange) {
        return calls.search(new TestCallFilter(planId, teamId, agentEmployeeId, channel, status, from, to,
                departmentId, scenarioType),
                paging.position(subrange), paging.size(subrange));
    }

    @QueryMapping
    List<MeasureRow> testCallMeasureRows(@Argument LocalDate from, @Argument LocalDate to,
            @Argument TimeBucket bucket, @Argument TestCallGroup groupBy) {
        return statistics.measureRows(from, to, bucket, groupBy);
    }

    @QueryMapping
    List<MeasureCorrelation> testCallCorrelations(@Argument LocalDate from, @Argument LocalDate to) {
        return statistics.correlations(from, to);
    }

    @QueryMapping
    List<MeasureTrend> testCallTrends(@Argument LocalDate from, @Argument LocalDate to) {
        return statistics.trends(from, to);
    }

    @QueryMapping
    Window<WeakSpots.Streak> testCallStreaks(@Argument LocalDate from, @Argument LocalDate to,
            @Argument TestCallGroup groupBy, ScrollSubrange subrange) {
        int size = paging.size(subrange);
        return statistics.streaks(from, to, groupBy, subrange.position().orElse(ScrollPosition.offset()), size);
    }

    @MutationMapping
    ActionPayload raiseWeakSpotAction(@Argument WeakSpotActionInput input,
            @ContextValue(name = IdempotencyKey.CONTEXT, required = false) String idempotencyKey) {
        return new ActionPayload(actions.fromWeakSpot(input.weakSpot(), new ActionDetails(input.title(),
                input.description(), input.departmentId(), input.ownerEmployeeId(), input.dueDate(),
                input.retestScenarioId(), input.retestTeamId()), IdempotencyKey.fromHeader(idempotencyKey)));
    }

    @MutationMapping
    ActionPayload raiseTestCallFindingAction(@Argument FindingActionInput input,
            @ContextValue(name = IdempotencyKey.CONTEXT, required = false) String idempotencyKey) {
        return new ActionPayload(actions.fromTestCall(input.testCallId(), new ActionDetails(input.title(),
                input.description(), input.departmentId(), input.ownerEmployeeId(), input.dueDate(),
                input.retestScenarioId(), input.retestTeamId()), Boolean.TRUE.equals(input.requireRetest()),
                IdempotencyKey.fromHeader(idempotencyKey)));
    }

    @MutationMapping
    TestCallPayload recordTestCall(@Argument RecordInput input,
            @ContextValue(name = IdempotencyKey.CONTEXT, required = false) String idempotencyKey) {
        return new TestCallPayload(calls.record(new TestCallInput(input.slotId(), input.scenario(), input.calledAt(),
                input.ringsBeforeAnswer(), input.firstReplyMinutes(), input.performance(), input.solvedOnSpot(),
                input.knowledge(), input.communication(), input.followUpPromisedDue(), input.problems(),
                input.suggestions(), input.recordingRef(), answers(input.answers())),
                IdempotencyKey.fromHeader(idempotencyKey)));
    }

    @MutationMapping
    TestCallPayload recordTestCallFollowUp(@Argument FollowUpInput input) {
        return new TestCallPayload(calls.recordFollowUp(input.id(), input.deliveredAt(), input.expectedVersion()));
    }

    @MutationMapping
    TestCallPayload addTestCallCalibration(@Argument CalibrationInput input) {
        return new TestCallPayload(calls.addCalibration(input.id(), answers(input.answers()),
                input.expectedVersion()));
    }

    @MutationMapping
    TestCallPayload setTestCallFinalScore(@Argument FinalScoreInput input) {
        return new TestCallPayload(calls.setFinalScore(input.id(), input.score(), input.reason(),
                input.expectedVersion()));
    }

    @MutationMapping
    TestCallPayload voidTestCall(@Argument VoidInput input) {
        return new TestCallPayload(calls.voidCall(input.id(), input.reason(), input.expectedVersion()));
    }

    @SchemaMapping(typeName = "TestCallGrading", field = "answers")
    List<Answer> answers(CallGrading grading) {
        return grading.answers().entrySet().stream().map(e -> new Answer(e.getKey(), e.getValue())).toList();
    }

    @SchemaMapping(typeName = "TestCallStreak", field = "callIds")
    List<UUID> callIds(WeakSpots.Streak streak) {
        return streak.callIds().stream().map(UUID::fromString).toList();
    }

    @SchemaMapping(typeName = "TestCallStreak", field = "firstCallId")
    UUID firstCallId(WeakSpots.Streak streak) {
        return UUID.fromString(streak.callIds().getFirst());
    }

    @SchemaMapping(typeName = "TestCallStreak", field = "lastCallId")
    UUID lastCallId(WeakSpots.Streak streak) {
        return UUID.fromString(streak.callIds().getLast());
    }

    @SchemaMapping(typeName = "TestCallTrend", field = "first")
    String first(MeasureTrend trend) {
        return trend.first() == null ? null : trend.first().toString();
    }

    @SchemaMapping(typeName = "TestCallTrend", field = "last")
    String last(MeasureTrend trend) {
        return trend.last() == null ? null : trend.last().toString();
    }

    /** The answers by item code (null: N/A); an item given twice keeps its last answer. */
    private static Map<String, Integer> answers(List<Answer> answers) {
        Map<String, Integer> byItem = new LinkedHashMap<>();
        (answers == null ? List.<Answer>of() : answers).forEach(a -> byItem.put(a.item(), a.value()));
        return byItem;
    }
}
