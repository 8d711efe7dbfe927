package app.ombud.policy;

import java.util.List;

/**
 * A suggested level and why: the codes of the criteria that matched at that level, or
 * {@code fallback} when none matched anywhere and the policy's default level applies.
 */
public record GradingResult(int level, List<String> matchedCriteria, boolean fallback, int policyVersion) {
}
