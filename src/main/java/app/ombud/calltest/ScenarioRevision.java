package app.ombud.calltest;

import java.time.Instant;
import java.util.List;

/** One revision of a scenario, kept and readable after later edits. */
public record ScenarioRevision(int revision, ScenarioType type, SpecialSituation special, CallChannel channel,
        String title, String script, String expectedAnswer, List<KnowledgePoint> knowledgePoints, List<String> tags,
        String author, Instant createdAt) {
}
