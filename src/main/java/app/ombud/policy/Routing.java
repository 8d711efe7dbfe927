package app.ombud.policy;

import app.ombud.platform.OmbudException;
import app.ombud.platform.TextInput.Kind;
import app.ombud.platform.TextInput;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Ordered routing rules for internal reviews; the first match wins and overlaps are refused. */
public record Routing(List<RoutingRule> rules) implements PolicySection {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,8}");
    private static final Pattern PHONE = Pattern.compile("[0-9+\\-]{3,20}");
    private static final int MAX_RANGE = 1000;

    public Routing {
        rules = List.copyOf(rules);
    }

    public RouteResult route(String employeeId, int policyVersion) {
        String id = employeeId == null ? "" : employeeId.strip();
        for (RoutingRule rule : rules) {
            for (String prefix : prefixesOf(rule)) {
                if (!id.isEmpty() && id.startsWith(prefix)) {
                    return new RouteResult(true, id, rule, prefix, policyVersion);
                }
            }
        }
        return new RouteResult(false, id, null, null, policyVersion);
    }

    /** The rule's prefixes with its ranges spelled out (20–29 → 20, 21, ..., 29). */
    public static List<String> prefixesOf(RoutingRule rule) {
        List<String> all = new ArrayList<>(rule.prefixes().stream().map(String::strip).toList());
        for (RoutingRule.PrefixRange range : rule.ranges()) {
            int from = Integer.parseInt(range.from().strip());
            int to = Integer.parseInt(range.to().strip());
            int width = range.from().strip().length();
            for (int n = from; n <= to; n++) {
                all.add(String.format("%0" + width + "d", n));
            }
        }
        return all;
    }

    public Routing validate() {
        checkTexts();
        Set<String> groups = new HashSet<>();
        Map<String, String> owner = new LinkedHashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            RoutingRule rule = rules.get(i);
            String at = "rules[" + i + "]";
            if (TextInput.optional(rule.group(), at + ".group", Kind.CODE) == null) {
                throw OmbudException.badRequest("REQUIRED", at + ".group", "{0} is required", at + ".group");
            }
            if (!groups.add(rule.group().strip())) {
                throw OmbudException.badRequest("ROUTING_GROUP_TWICE", at + ".group",
                        "The group {0} has two rules; put all its prefixes in one", rule.group());
            }
            if (rule.mode() == null) {
                throw OmbudException.badRequest("REQUIRED", at + ".mode", "{0} is required", at + ".mode");
            }
            if (rule.mode() == RoutingRule.HandlingMode.NOTIFY_BY_CALL
                    && (rule.notifyNumber() == null || !PHONE.matcher(rule.notifyNumber().strip()).matches())) {
                throw OmbudException.badRequest("ROUTING_NUMBER_REQUIRED", at + ".notifyNumber",
                        "Rule {0} notifies by call: give the number to call", rule.group());
            }
            for (String prefix : rule.prefixes()) {
                if (prefix == null || !DIGITS.matcher(prefix.strip()).matches()) {
                    throw OmbudException.badRequest("ROUTING_PREFIX_INVALID", at + ".prefixes",
                            "A prefix is 1 to 8 digits: {0}", prefix);
                }
            }
            for (RoutingRule.PrefixRange range : rule.ranges()) {
                String from = range.from() == null ? "" : range.from().strip();
                String to = range.to() == null ? "" : range.to().strip();
                if (!DIGITS.matcher(from).matches() || !DIGITS.matcher(to).matches() || from.length() != to.length()
                        || Integer.parseInt(from) > Integer.parseInt(to)
                        || Integer.parseInt(to) - Integer.parseInt(from) >= MAX_RANGE) {
                    throw OmbudException.badRequest("ROUTING_RANGE_INVALID", at + ".ranges",
                            "A range goes from a smaller to a larger prefix of the same length: {0}–{1}", from, to);
                }
            }
            if (prefixesOf(rule).isEmpty()) {
                throw OmbudException.badRequest("ROUTING_RULE_EMPTY", at + ".prefixes",
                        "Rule {0} matches no employee ID: give prefixes or ranges", rule.group());
            }
            for (String prefix : prefixesOf(rule)) {
                for (var taken : owner.entrySet()) {
                    if (!taken.getValue().equals(rule.group())
                            && (prefix.startsWith(taken.getKey()) || taken.getKey().startsWith(prefix))) {
                        throw OmbudException.badRequest("ROUTING_OVERLAP", at + ".prefixes",
                                "Prefix {0} of {1} overlaps prefix {2} of {3}", prefix, rule.group(), taken.getKey(),
                                taken.getValue());
                    }
                }
                owner.putIfAbsent(prefix, rule.group());
            }
        }
        return this;
    }

    /** The texts of every rule, before any other rule. */
    private void checkTexts() {
        for (int i = 0; i < rules.size(); i++) {
            RoutingRule rule = rules.get(i);
            String at = "rules[" + i + "]";
            TextInput.optional(rule.group(), at + ".group", Kind.CODE);
            if (rule.name() != null) {
                rule.name().given(at + ".name", Kind.NAME);
            }
            rule.prefixes().forEach(prefix -> TextInput.optional(prefix, at + ".prefixes", Kind.CODE));
            for (RoutingRule.PrefixRange range : rule.ranges()) {
                TextInput.optional(range.from(), at + ".ranges.from", Kind.CODE);
                TextInput.optional(range.to(), at + ".ranges.to", Kind.CODE);
            }
            TextInput.optional(rule.notifyNumber(), at + ".notifyNumber", Kind.PHONE);
        }
    }
}
