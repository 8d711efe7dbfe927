package app.ombud.policy;

import java.util.List;

/**
 * A routing rule for internal reviews: which accused employee IDs it takes (by prefix, or by a
 * numeric range of prefixes such as 20–29), the group, the number to notify and how the group
 * handles the review.
 */
public record RoutingRule(String group, LocalizedText name, List<String> prefixes, List<PrefixRange> ranges,
        String notifyNumber, HandlingMode mode) {

    /** How a routed review is handled (SPEC §5). */
    public enum HandlingMode {
        /** Front desk: verify from the call recording and call the customer back. */
        VERIFY_RECORDING_AND_CALL_BACK,
        /** Back office and partner lines: notify their head by a recorded call, log and track. */
        NOTIFY_BY_CALL
    }

    /** Prefixes from {@code from} to {@code to}, same number of digits, e.g. 20–29. */
    public record PrefixRange(String from, String to) {
    }

    public RoutingRule {
        prefixes = prefixes == null ? List.of() : List.copyOf(prefixes);
        ranges = ranges == null ? List.of() : List.copyOf(ranges);
    }
}
