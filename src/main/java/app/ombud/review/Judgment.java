package app.ombud.review;

import app.ombud.policy.JudgmentType;
import java.util.List;

/** What a reviewer decides: type, criteria codes that apply, upheld or not, the basis, a knowledge-base reference and the topic. */
public record Judgment(JudgmentType type, List<String> criteria, boolean upheld, String basis, String knowledgeRef,
        String topic) {
}
