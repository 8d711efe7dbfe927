package app.ombud.calltest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A test call (拨测记录) as its readers see it, and its report: the slot and plan it was made for
 * (a spot check or a drawn slot), the scenario revision, the agent reached (with their team and
 * department when the call was made), what the executor recorded, the scorecard of the policy
 * version in force then ({@code policyVersion}) with every executor's scoring, the final score,
 * and the steps the reader may take now.
 */
public record TestCall(UUID id, String number, UUID planId, UUID slotId, boolean spotCheck, ScenarioRef scenario,
        ScenarioType scenarioType, CallChannel channel, String agentEmployeeId, UUID teamId, UUID departmentId,
        String executor, String executorName, Instant calledAt, Integer ringsBeforeAnswer,
        BigDecimal firstReplyMinutes, String performance, boolean solvedOnSpot, List<KnowledgeResult> knowledge,
        Communication communication, FollowUp followUp, List<String> problems, String suggestions,
        String recordingRef, int policyVersion, List<CallGrading> gradings, BigDecimal finalScore, String finalBy,
        TestCallStatus status, String voidReason, List<TestCallEntry> timeline, Set<TestCallStep> allowedSteps,
        long version) {

    /** The facts the measures read ({@link Measure}), with the final score. */
    public CallFacts facts() {
        int wrong = (int) knowledge.stream().filter(k -> !k.correct()).count();
        return new CallFacts(ringsBeforeAnswer, firstReplyMinutes, solvedOnSpot,
                followUp == null ? null : followUp.promisedDue(), followUp == null ? null : followUp.deliveredAt(),
                communication == null ? null : communication.rating(), knowledge.size(), wrong, finalScore);
    }
}
