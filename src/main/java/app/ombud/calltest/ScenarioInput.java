package app.ombud.calltest;

import java.util.List;

/**
 * What a scenario says; a revision is a whole new input. {@code special} only with
 * {@link ScenarioType#SPECIAL_SITUATION} (and then required); a knowledge point without a code
 * gets the next free one ({@code K1}, {@code K2}, …).
 */
public record ScenarioInput(ScenarioType type, SpecialSituation special, CallChannel channel, String title,
        String script, String expectedAnswer, List<KnowledgePoint> knowledgePoints, List<String> tags) {
}
