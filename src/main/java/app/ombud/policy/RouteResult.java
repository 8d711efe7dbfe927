package app.ombud.policy;

/**
 * Where a review goes: the matched rule and the prefix that matched, or {@code routed = false}
 * when no rule takes the employee ID (the review team then routes it by hand).
 */
public record RouteResult(boolean routed, String employeeId, RoutingRule rule, String matchedPrefix,
        int policyVersion) {
}
