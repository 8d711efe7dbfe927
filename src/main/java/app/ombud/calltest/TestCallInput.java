package app.ombud.calltest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the executor records of one test call, made against a slot of a plan (drawn or a spot
 * check): the scenario (one of the plan's) and its revision, when, rings before pickup (phone) or
 * minutes to the first reply (online), what the agent answered ({@code performance}), solved on
 * the spot, each knowledge point checked, the communication ratings, a follow-up promised (its
 * due time), problems (tags), suggestions, a recording reference, and the scorecard answers (item
 * code → a value on its scale, or null for N/A).
 */
public record TestCallInput(java.util.UUID slotId, ScenarioRef scenario, Instant calledAt, Integer ringsBeforeAnswer,
        BigDecimal firstReplyMinutes, String performance, boolean solvedOnSpot, List<KnowledgeResult> knowledge,
        Communication communication, Instant followUpPromisedDue, List<String> problems, String suggestions,
        String recordingRef, Map<String, Integer> answers) {
}
