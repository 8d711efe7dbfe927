package app.ombud.review;

import app.ombud.policy.LocalizedText;
import app.ombud.policy.RoutingRule;
import java.time.Instant;

/**
 * Where the review went by the accused employee ID under the policy (or by hand when no rule
 * matched): the group, how it is handled, the number to notify, the matching prefix.
 */
public record ReviewRoute(String group, LocalizedText groupName, RoutingRule.HandlingMode mode, String notifyNumber,
        String matchedPrefix, boolean manual, int policyVersion, String by, Instant at) {

    public boolean notifyByCall() {
        return mode == RoutingRule.HandlingMode.NOTIFY_BY_CALL;
    }
}
