package app.ombud.calltest.internal;

import app.ombud.calltest.CallChannel;
import app.ombud.calltest.CallGrading;
import app.ombud.calltest.Communication;
import app.ombud.calltest.FollowUp;
import app.ombud.calltest.KnowledgeResult;
import app.ombud.calltest.ScenarioRef;
import app.ombud.calltest.ScenarioType;
import app.ombud.calltest.TestCall;
import app.ombud.calltest.TestCallEntry;
import app.ombud.calltest.TestCallStatus;
import app.ombud.calltest.TestCallStep;
import app.ombud.platform.Actor;
import app.ombud.platform.OmbudException;
import app.ombud.platform.StepGuard;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A recorded test call. Its facts are written once, when it is recorded; later steps add the
 * delivered follow-up, calibration gradings, the final score, or void it — each checked by
 * {@link #refusal} (one rule per {@link TestCallStep}) and logged in the timeline, saved with
 * the version.
 */
@CompoundIndexes({
    @CompoundIndex(name = "agentEmployeeId_calledAt", def = "{'agentEmployeeId': 1, 'calledAt': -1, '_id': 1}"),
    @CompoundIndex(name = "calledAt", def = "{'calledAt': -1, '_id': 1}"),
    @CompoundIndex(name = "factsDepartmentId_calledAt", def = "{'facts.departmentId': 1, 'calledAt': -1, '_id': 1}"),
    @CompoundIndex(name = "planId_calledAt", def = "{'facts.planId': 1, 'calledAt': -1, '_id': 1}"),
    @CompoundIndex(name = "status_calledAt", def = "{'status': 1, 'calledAt': 1, '_id': 1}")
})
@Document("testCalls")
public class TestCallDocument implements StepGuard<TestCallStep, TestCallCaller> {

    /** The record as it was made: what the executor saw and the call's context. */
    public record Facts(UUID planId, UUID slotId, boolean spotCheck, ScenarioRef scenario, ScenarioType scenarioType,
            CallChannel channel, String agentEmployeeId, UUID teamId, UUID departmentId, Instant calledAt,
            Integer ringsBeforeAnswer, BigDecimal firstReplyMinutes, String performance, boolean solvedOnSpot,
            List<KnowledgeResult> knowledge, Communication communication, List<String> problems, String suggestions,
            String recordingRef) {

        public Facts {
            knowledge = knowledge == null ? List.of() : List.copyOf(knowledge);
            problems = problems == null ? List.of() : List.copyOf(problems);
        }
    }

    @Id
    private final UUID id;
    @Indexed(unique = true)
    private final String number;
    @Indexed(unique = true)
    private final UUID slotId;
    private final Facts facts;
    private final String executor;
    private final String executorName;
    private final String agentEmployeeId;
    private final UUID teamId;
    private final Instant calledAt;
    private final int policyVersion;
    private FollowUp followUp;
    private final List<CallGrading> gradings;
    private BigDecimal finalScore;
    private String finalBy;
    private TestCallStatus status;
    private String voidReason;
    private final List<TestCallEntry> timeline;
    @Version
    private Long version;

    @PersistenceCreator
    TestCallDocument(UUID id, String number, UUID slotId, Facts facts, String executor, String executorName,
            String agentEmployeeId, UUID teamId, Instant calledAt, int policyVersion, FollowUp followUp,
            List<CallGrading> gradings, BigDecimal finalScore, String finalBy, TestCallStatus status,
            String voidReason, List<TestCallEntry> timeline, Long version) {
        this.id = id;
        this.number = number;
        this.slotId = slotId;
        this.facts = facts;
        this.executor = executor;
        this.executorName = executorName;
        this.agentEmployeeId = agentEmployeeId;
        this.teamId = teamId;
        this.calledAt = calledAt;
        this.policyVersion = policyVersion;
        this.followUp = followUp;
        this.gradings = gradings == null ? new ArrayList<>() : new ArrayList<>(gradings);
        this.finalScore = finalScore;
        this.finalBy = finalBy;
        this.status = status;
        this.voidReason = voidReason;
        this.timeline = timeline == null ? new ArrayList<>() : new ArrayList<>(timeline);
        this.version = version;
    }

    /** A test call as its executor records it, scored by them; their score is the final one until the lead sets another. */
    public static TestCallDocument record(UUID id, String number, Facts facts, Instant followUpDue, int policyVersion,
            CallGrading grading, Actor actor, Instant now) {
        var document = new TestCallDocument(id, number, facts.slotId(), facts, actor.key(), actor.name(),
                facts.agentEmployeeId(), facts.teamId(), facts.calledAt(), policyVersion,
                followUpDue == null ? null : new FollowUp(followUpDue, null, null), List.of(grading),
                grading.score(), null, TestCallStatus.RECORDED, null, List.of(), null);
        document.log(actor, now, facts.spotCheck() ? "recorded-spot-check" : "recorded", null,
                grading.score() == null ? "" : grading.score().toPlainString());
        return document;
    }

    // ---- who may take which step now ------------------------------------------------------

    @Override
    public Class<TestCallStep> stepType() {
        return TestCallStep.class;
    }

    @Override
    public Optional<OmbudException> refusal(TestCallStep step, TestCallCaller caller) {
        if (status == TestCallStatus.VOIDED) {
            return Optional.of(OmbudException.conflict("TEST_CALL_VOIDED", "Test call {0} is voided", number));
        }
        return switch (step) {
            case RECORD_FOLLOW_UP -> !caller.staff() ? staffOnly()
                    : followUp == null ? Optional.of(OmbudException.conflict("FOLLOW_UP_NOT_PROMISED",
                            "No follow-up was promised on test call {0}", number))
                    : followUp.deliveredAt() != null ? Optional.of(OmbudException.conflict(
                            "FOLLOW_UP_ALREADY_DELIVERED", "The follow-up of test call {0} is recorded already",
                            number))
                    : Optional.empty();
            case ADD_CALIBRATION -> !caller.staff() ? staffOnly()
                    : gradings.stream().anyMatch(g -> g.executor().equals(caller.key()))
                            ? Optional.of(OmbudException.conflict("ALREADY_GRADED",
                                    "You have scored test call {0} already", number))
                            : Optional.empty();
            case SET_FINAL_SCORE, VOID -> caller.groupLead() && caller.staff() ? Optional.empty()
                    : Optional.of(OmbudException.forbidden("GROUP_LEAD_ONLY",
                            "Only the test-call group's lead may do this"));
        };
    }

    private static Optional<OmbudException> staffOnly() {
        return Optional.of(OmbudException.forbidden("CALLTEST_STAFF_ONLY", "Only the test-call staff may do this"));
    }

    // ---- the steps ----------------------------------------------------------------------------

    public void deliverFollowUp(Instant deliveredAt, Actor actor, Instant now) {
        // the follow-up was promised during the call: it cannot be delivered before it
        if (deliveredAt.isBefore(calledAt)) {
            throw OmbudException.badRequest("FOLLOW_UP_BEFORE_PROMISE", "deliveredAt",
                    "A follow-up cannot be delivered before the call that promised it");
        }
        followUp = new FollowUp(followUp.promisedDue(), deliveredAt, actor.key());
        log(actor, now, deliveredAt.isAfter(followUp.promisedDue()) ? "follow-up-late" : "follow-up-on-time", null);
    }

    public void addGrading(CallGrading grading, Actor actor, Instant now) {
        gradings.add(grading);
        log(actor, now, "calibrated", null, grading.score() == null ? "" : grading.score().toPlainString());
    }

    public void setFinalScore(BigDecimal score, String reason, Actor actor, Instant now) {
        finalScore = score;
        finalBy = actor.key();
        log(actor, now, "final-score", reason, score.toPlainString());
    }

    public void voidCall(String reason, Actor actor, Instant now) {
        status = TestCallStatus.VOIDED;
        voidReason = reason;
        log(actor, now, "voided", reason);
    }

    private void log(Actor actor, Instant now, String action, String note, String... args) {
        timeline.add(new TestCallEntry(now, actor.key(), actor.name(), action, note, Arrays.asList(args)));
    }

    // ---- reading --------------------------------------------------------------------------

    public TestCall view(Set<TestCallStep> allowed) {
        return new TestCall(id, number, facts.planId(), slotId, facts.spotCheck(), facts.scenario(),
                facts.scenarioType(), facts.channel(), agentEmployeeId, teamId, facts.departmentId(), executor,
                executorName, calledAt, facts.ringsBeforeAnswer(), facts.firstReplyMinutes(), facts.performance(),
                facts.solvedOnSpot(), facts.knowledge(), facts.communication(), followUp, facts.problems(),
                facts.suggestions(), facts.recordingRef(), policyVersion, List.copyOf(gradings), finalScore, finalBy,
                status, voidReason, List.copyOf(timeline), allowed, version == null ? 0 : version);
    }

    public UUID id() {
        return id;
    }

    public String number() {
        return number;
    }

    public UUID slotId() {
        return slotId;
    }

    public int policyVersion() {
        return policyVersion;
    }

    public TestCallStatus status() {
        return status;
    }

    public Long version() {
        return version;
    }
}
