package app.ombud.complaint;

import java.util.List;

/**
 * A case's level: what the policy suggested (and why, under which version) and the level in
 * force, which an authorised person may override with a reason.
 */
public record Grade(int suggestedLevel, List<String> matchedCriteria, boolean fallback, int policyVersion,
        int level, String overriddenBy, String overrideReason) {

    public boolean overridden() {
        return overriddenBy != null;
    }
}
