package app.ombud.calltest;

import app.ombud.calltest.internal.TestCallCaller;
import app.ombud.calltest.internal.TestCallDocument;
import app.ombud.calltest.internal.TestCallFields;
import app.ombud.directory.DirectoryService;
import app.ombud.improvement.ImprovementService;
import app.ombud.platform.Actor;
import app.ombud.platform.AuditTrail;
import app.ombud.platform.CurrentActor;
import app.ombud.platform.Idempotency;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.OmbudException;
import app.ombud.platform.Sequences;
import app.ombud.platform.TextInput;
import app.ombud.platform.TextInput.Kind;
import app.ombud.platform.TimeInput;
import app.ombud.policy.PolicyService;
import app.ombud.policy.PolicyVersion;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.stereotype.Service;

/**
 * Recording test calls and the steps after: the follow-up delivered, calibration by another
 * executor, the lead's final score, voiding a mistake. Test calls are confidential to the
 * test-call staff (and admins) like the rest of the programme ({@link CallTestStaff}); agents see
 * their own results only in a published report.
 */
@Service
public class TestCalls {

    /** How long after a call it may still be recorded. */
    static final Duration MAX_AGE = Duration.ofDays(92);
    static final int MAX_RINGS = 60;
    static final BigDecimal MAX_REPLY_MINUTES = BigDecimal.valueOf(24 * 60);
    static final int MAX_TAGS = 10;

    private final TestCallFields fields;
    private final Draws draws;
    private final Plans plans;
    private final Scenarios scenarios;
    private final CallTestGroups groups;
    private final DirectoryService directory;
    private final PolicyService policy;
    private final Idempotency idempotency;
    private final Sequences sequences;
    private final AuditTrail audit;
    private final ImprovementService improvements;
    private final Clock clock;
    private final CallTestReports reports;

    TestCalls(CallTestReports reports, TestCallFields fields, Draws draws, Plans plans, Scenarios scenarios, CallTestGroups groups,
            DirectoryService directory, PolicyService policy, Idempotency idempotency, Sequences sequences,
            AuditTrail audit, ImprovementService improvements, Clock clock) {
        this.reports = reports;
        this.fields = fields;
        this.draws = draws;
        this.plans = plans;
        this.scenarios = scenarios;
        this.groups = groups;
        this.directory = directory;
        this.policy = policy;
        this.idempotency = idempotency;
        this.sequences = sequences;
        this.audit = audit;
        this.improvements = improvements;
        this.clock = clock;
    }

    /**
     * Records a test call made on a planned slot, scored on the scorecard in force now; once per
     * key. On a re-test slot ({@link Slot#retestOf}) the call must be of the re-test's scenario,
     * and its result goes to the improvement action: passed when the call meets every threshold
     * that applies to it ({@link #meetsThresholds}).
     */
    @CallTestStaff
    public TestCall record(TestCallInput input, IdempotencyKey key) {
        CurrentActor.requirePerson();
        return idempotency.once("calltest.test-call", key, Arrays.asList(input), id -> record(id, input),
                id -> fields.byId(id).map(document -> {
                    // a repeat after a crash between the writes finishes the slot and the re-test
                    Slot slot = draws.markSlotDone(document.slotId(), document.id());
                    recordRetest(slot, document);
                    return view(document, caller());
                }));
    }

    /**
     * Whether a call meets every threshold of its own policy version that applies to it: each of
     * its measures' values against the measure's threshold ({@link Measure#meets}); the scorecard
     * score has none.
     */
    @CallTestStaff
    public boolean meetsThresholds(TestCall call) {
        var thresholds = policy.version(call.policyVersion()).content().callTestThresholds();
        return call.facts().measures(thresholds.communicationSatisfiedRating(), clock.instant()).entrySet().stream()
                .allMatch(e -> e.getKey().threshold(thresholds).map(t -> e.getKey().meets(e.getValue(), t))
                        .orElse(true));
    }

    /** A call on a re-test slot tells the action its result; a repeat records nothing new. */
    private void recordRetest(Slot slot, TestCallDocument document) {
        if (slot.retestOf() == null) {
            return;
        }
        TestCall call = document.view(Set.of());
        boolean passed = meetsThresholds(call);
        try {
            improvements.recordRetest(slot.retestOf().actionId(), call.number(), passed);
        } catch (OmbudException e) {
            // the action was closed or cancelled meanwhile: the call stands, the action wants no result
            if (!List.of("IMPROVEMENT_TRANSITION_NOT_ALLOWED", "IMPROVEMENT_NOT_FOUND").contains(e.code())) {
                throw e;
            }
            audit.record("calltest.test-call.retest-not-recorded", "TestCall", call.number(),
                    Map.of("action", slot.retestOf().actionNumber(), "code", e.code()));
        }
    }

    private TestCall record(UUID id, TestCallInput input) {
        TestCallCaller caller = caller();
        Instant now = clock.instant();
        if (input == null || input.slotId() == null) {
            throw OmbudException.badRequest("REQUIRED", "slotId", "{0} is required", "slotId");
        }
        String performance = TextInput.required(input.performance(), "performance", Kind.TEXT);
        String suggestions = TextInput.optional(input.suggestions(), "suggestions", Kind.TEXT);
        String recordingRef = TextInput.optional(input.recordingRef(), "recordingRef", Kind.LINE);
        List<String> problems = tags(input.problems());
        (input.knowledge() == null ? List.<KnowledgeResult>of() : input.knowledge()).forEach(k ->
                TextInput.optional(k == null ? null : k.code(), "knowledge.code", Kind.CODE));
        answerCodes(input.answers());
        Slot slot = draws.slot(input.slotId());
        if (slot.status() != SlotStatus.PLANNED) {
            throw OmbudException.conflict("SLOT_NOT_PLANNED", "Slot {0} is {1}", slot.id(), slot.status().name());
        }
        CallTestPlan plan = plans.get(slot.planId());
        if (!plan.executorEmployeeIds().contains(caller.actor().employeeId()) && !caller.groupLead()) {
            throw OmbudException.forbidden("NOT_AN_EXECUTOR", "You are not an executor of plan {0}", plan.number());
        }
        ScenarioRef ref = input.scenario();
        if (ref == null || ref.scenarioId() == null) {
            throw OmbudException.badRequest("REQUIRED", "scenario", "{0} is required", "scenario");
        }
        if (slot.retestOf() != null && !slot.retestOf().scenarioId().equals(ref.scenarioId())) {
            throw OmbudException.badRequest("RETEST_SCENARIO_MISMATCH", "scenario",
                    "Slot {0} is the re-test of {1}: call its scenario", slot.id(), slot.retestOf().actionNumber());
        }
        if (plan.scenarios().stream().noneMatch(s -> s.scenarioId().equals(ref.scenarioId()))) {
            throw OmbudException.badRequest("SCENARIO_NOT_IN_PLAN", "scenario",
                    "The scenario is not one of plan {0}", plan.number());
        }
        ScenarioRevision scenario = scenarios.revision(ref.scenarioId(), ref.revision());
        if (scenario.channel() != slot.channel()) {
            throw OmbudException.badRequest("SCENARIO_CHANNEL_MISMATCH", "scenario",
                    "The scenario is for another channel than the slot");
        }
        Instant calledAt = TimeInput.past(required(input.calledAt(), "calledAt"), "calledAt", now, MAX_AGE);
        var facts = new TestCallDocument.Facts(plan.id(), slot.id(), slot.spotCheck(), ref, scenario.type(),
                slot.channel(), slot.agentEmployeeId(), slot.teamId(), directory.team(slot.teamId()).departmentId(),
                calledAt, rings(input, slot.channel()), minutes(input, slot.channel()),
                performance, input.solvedOnSpot(), knowledge(input.knowledge(), scenario),
                communication(input.communication()), problems, suggestions, recordingRef);
        Instant followUpDue = input.followUpPromisedDue();
        if (followUpDue != null && !followUpDue.isAfter(calledAt)) {
            throw OmbudException.badRequest("FOLLOW_UP_DUE_BEFORE_CALL", "followUpPromisedDue",
                    "A follow-up is due after the call that promised it");
        }
        if (followUpDue != null && followUpDue.isAfter(calledAt.plus(MAX_AGE))) {
            throw OmbudException.badRequest("TIME_TOO_FAR_AHEAD", "followUpPromisedDue",
                    "{0} is more than {1} days ahead", "followUpPromisedDue", MAX_AGE.toDays());
        }
        PolicyVersion version = policy.current();
        var grading = grading(version, input.answers(), caller.actor(), now);
        var document = TestCallDocument.record(id, "TC-%06d".formatted(sequences.next("calltest.test-call")), facts,
                followUpDue, version.number(), grading, caller.actor(), now);
        fields.insert(document);
        Slot done = draws.markSlotDone(slot.id(), id);
        audit.record("calltest.test-call.recorded", "TestCall", document.number(),
                Map.of("slot", slot.id().toString(), "policyVersion", Integer.toString(version.number())));
        recordRetest(done, document);
        return view(document, caller);
    }

    @CallTestStaff
    public TestCall get(UUID id) {
        return view(load(id, null), caller());
    }

    /** Test calls newest first, narrowed by the filter. */
    @CallTestStaff
    public Window<TestCall> search(TestCallFilter filter, ScrollPosition position, int size) {
        TestCallCaller caller = caller();
        return fields.search(filter == null ? TestCallFilter.ALL : filter, position, size)
                .map(document -> view(document, caller));
    }

    @CallTestStaff
    public long count(TestCallFilter filter) {
        return fields.count(filter == null ? TestCallFilter.ALL : filter);
    }

    /**
     * The caller's own scored test calls, of the periods whose report is published (SPEC §4: an
     * agent never sees what or when they will be tested, only their results afterwards).
     */
    @org.springframework.security.access.prepost.PreAuthorize("isAuthenticated()")
    public Window<MyTestCallResult> myResults(ScrollPosition position, int size) {
        var me = CurrentActor.requirePerson();
        var zone = policy.calendar().zone();
        List<Instant[]> ranges = reports.publishedPeriods().stream().map(p -> new Instant[] {
                p.first().atStartOfDay(zone).toInstant(), p.last().plusDays(1).atStartOfDay(zone).toInstant()})
                .toList();
        if (ranges.isEmpty() || me.employeeId() == null) {
            return Window.from(List.of(), ScrollPosition::offset);
        }
        int satisfied = policy.current().content().callTestThresholds().communicationSatisfiedRating();
        Instant now = clock.instant();
        return fields.ofAgentWithin(me.employeeId(), ranges, position, size).map(document -> {
            TestCall call = document.view(Set.of());
            return new MyTestCallResult(call.number(), call.calledAt(), call.channel(), call.finalScore(),
                    call.facts().measures(satisfied, now), call.problems(), call.suggestions());
        });
    }

    /** The follow-up the agent promised was delivered at {@code deliveredAt}. */
    @CallTestStaff
    public TestCall recordFollowUp(UUID id, Instant deliveredAt, Long expectedVersion) {
        CurrentActor.requirePerson();
        return step(id, expectedVersion, TestCallStep.RECORD_FOLLOW_UP, "calltest.test-call.follow-up",
                (document, caller, now) -> document.deliverFollowUp(TimeInput.past(required(deliveredAt,
                        "deliveredAt"), "deliveredAt", now, MAX_AGE), caller.actor(), now));
    }

    /** Another executor's scoring of the same call, on the call's own policy version (calibration). */
    @CallTestStaff
    public TestCall addCalibration(UUID id, Map<String, Integer> answers, Long expectedVersion) {
        CurrentActor.requirePerson();
        answerCodes(answers);
        return step(id, expectedVersion, TestCallStep.ADD_CALIBRATION, "calltest.test-call.calibrated",
                (document, caller, now) -> document.addGrading(grading(policy.version(document.policyVersion()),
                        answers, caller.actor(), now), caller.actor(), now));
    }

    /** The lead's final score after calibration, 0–100, with the reason. */
    @CallTestStaff
    public TestCall setFinalScore(UUID id, BigDecimal score, String reason, Long expectedVersion) {
        CurrentActor.requirePerson();
        if (score == null || score.signum() < 0 || score.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw OmbudException.badRequest("VALUE_OUT_OF_RANGE", "score", "{0} must be between {1} and {2}",
                    "score", 0, 100);
        }
        String why = TextInput.required(reason, "reason", Kind.NOTE);
        return step(id, expectedVersion, TestCallStep.SET_FINAL_SCORE, "calltest.test-call.final-score",
                (document, caller, now) -> document.setFinalScore(score.setScale(2, java.math.RoundingMode.HALF_UP),
                        why, caller.actor(), now));
    }

    /** The lead voids a call recorded by mistake: kept, counted nowhere, its slot planned again. */
    @CallTestStaff
    public TestCall voidCall(UUID id, String reason, Long expectedVersion) {
        CurrentActor.requirePerson();
        String why = TextInput.required(reason, "reason", Kind.NOTE);
        TestCall voided = step(id, expectedVersion, TestCallStep.VOID, "calltest.test-call.voided",
                (document, caller, now) -> document.voidCall(why, caller.actor(), now));
        draws.reopenSlot(voided.slotId(), voided.id());
        return voided;
    }

    /** The steps the caller may take on these test calls now. */
    @CallTestStaff
    public Map<UUID, Set<TestCallStep>> allowedSteps(List<UUID> ids) {
        TestCallCaller caller = caller();
        Map<UUID, Set<TestCallStep>> steps = new LinkedHashMap<>();
        fields.byIds(ids).forEach(document -> steps.put(document.id(), document.allowedSteps(caller)));
        return steps;
    }

    // ---- pieces -------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Change {
        void apply(TestCallDocument document, TestCallCaller caller, Instant now);
    }

    private TestCall step(UUID id, Long expectedVersion, TestCallStep step, String action, Change change) {
        CurrentActor.requirePerson();
        TestCallCaller caller = caller();
        TestCallDocument document = load(id, expectedVersion);
        document.require(step, caller);
        change.apply(document, caller, clock.instant());
        var saved = fields.save(document);
        audit.record(action, "TestCall", saved.number(), Map.of());
        return view(saved, caller);
    }

    private TestCallDocument load(UUID id, Long expectedVersion) {
        var document = fields.byId(id).orElseThrow(() -> OmbudException.notFound("TEST_CALL_NOT_FOUND",
                "No test call {0}", id));
        if (expectedVersion != null && !expectedVersion.equals(document.version() == null ? 0L
                : document.version())) {
            throw OmbudException.concurrentUpdate();
        }
        return document;
    }

    private TestCallCaller caller() {
        return TestCallCaller.of(CurrentActor.required(), groups.lead().orElse(null));
    }

    private static TestCall view(TestCallDocument document, TestCallCaller caller) {
        return document.view(document.allowedSteps(caller));
    }

    private static CallGrading grading(PolicyVersion version, Map<String, Integer> answers, Actor actor,
            Instant now) {
        Map<String, ItemAnswer> items = new LinkedHashMap<>();
        (answers == null ? Map.<String, Integer>of() : answers).forEach((code, value) ->
                items.put(code, value == null ? ItemAnswer.notApplicable() : ItemAnswer.of(value)));
        CallScore score = Scoring.score(version.content().scorecard(), items);
        return new CallGrading(actor.key(), actor.name(), answers, score.score().orElse(null),
                score.weightedScore().orElse(null), score.failedCriticalItems(), now);
    }

    /** The scorecard item codes answered: within a code's length, no control characters. */
    private static void answerCodes(Map<String, Integer> answers) {
        (answers == null ? Map.<String, Integer>of() : answers).keySet().forEach(code ->
                TextInput.optional(code, "answers.item", Kind.CODE));
    }

    private static Integer rings(TestCallInput input, CallChannel channel) {
        if (channel != CallChannel.PHONE) {
            if (input.ringsBeforeAnswer() != null) {
                throw OmbudException.badRequest("RINGS_ONLY_ON_PHONE", "ringsBeforeAnswer",
                        "Rings are counted on phone calls only");
            }
            return null;
        }
        int rings = required(input.ringsBeforeAnswer(), "ringsBeforeAnswer");
        if (rings < 0 || rings > MAX_RINGS) {
            throw OmbudException.badRequest("VALUE_OUT_OF_RANGE", "ringsBeforeAnswer",
                    "{0} must be between {1} and {2}", "ringsBeforeAnswer", 0, MAX_RINGS);
        }
        return rings;
    }

    private static BigDecimal minutes(TestCallInput input, CallChannel channel) {
        if (channel != CallChannel.ONLINE) {
            if (input.firstReplyMinutes() != null) {
                throw OmbudException.badRequest("REPLY_MINUTES_ONLY_ONLINE", "firstReplyMinutes",
                        "Minutes to the first reply are counted online only");
            }
            return null;
        }
        BigDecimal minutes = required(input.firstReplyMinutes(), "firstReplyMinutes");
        if (minutes.signum() < 0 || minutes.compareTo(MAX_REPLY_MINUTES) > 0) {
            throw OmbudException.badRequest("VALUE_OUT_OF_RANGE", "firstReplyMinutes",
                    "{0} must be between {1} and {2}", "firstReplyMinutes", 0, MAX_REPLY_MINUTES);
        }
        return minutes.setScale(1, java.math.RoundingMode.HALF_UP);
    }

    private static List<KnowledgeResult> knowledge(List<KnowledgeResult> results, ScenarioRevision scenario) {
        Set<String> points = new HashSet<>();
        scenario.knowledgePoints().forEach(p -> points.add(p.code()));
        Set<String> seen = new HashSet<>();
        for (KnowledgeResult result : results == null ? List.<KnowledgeResult>of() : results) {
            if (result == null || !points.contains(result.code())) {
                throw OmbudException.badRequest("KNOWLEDGE_POINT_UNKNOWN", "knowledge",
                        "The scenario has no knowledge point {0}", result == null ? null : result.code());
            }
            if (!seen.add(result.code())) {
                throw OmbudException.badRequest("KNOWLEDGE_POINT_TWICE", "knowledge",
                        "Knowledge point {0} is given twice", result.code());
            }
        }
        return results == null ? List.of() : List.copyOf(results);
    }

    private static Communication communication(Communication c) {
        if (c == null) {
            throw OmbudException.badRequest("REQUIRED", "communication.rating", "{0} is required",
                    "communication.rating");
        }
        rating(c.rating(), "communication.rating");
        for (var aspect : new Object[][] {{c.attitude(), "communication.attitude"}, {c.clarity(),
                "communication.clarity"}, {c.accuracy(), "communication.accuracy"}}) {
            if (aspect[0] != null) {
                rating((Integer) aspect[0], (String) aspect[1]);
            }
        }
        return c;
    }

    private static void rating(int value, String field) {
        if (value < 1 || value > 5) {
            throw OmbudException.badRequest("VALUE_OUT_OF_RANGE", field, "{0} must be between {1} and {2}", field, 1,
                    5);
        }
    }

    private static List<String> tags(List<String> tags) {
        List<String> clean = (tags == null ? List.<String>of() : tags).stream()
                .map(t -> TextInput.optional(t, "problems", Kind.TAG)).filter(java.util.Objects::nonNull).distinct()
                .toList();
        if (clean.size() > MAX_TAGS) {
            throw OmbudException.badRequest("VALUE_OUT_OF_RANGE", "problems", "{0} must be between {1} and {2}",
                    "problems", 0, MAX_TAGS);
        }
        return clean;
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw OmbudException.badRequest("REQUIRED", field, "{0} is required", field);
        }
        return value;
    }
}
