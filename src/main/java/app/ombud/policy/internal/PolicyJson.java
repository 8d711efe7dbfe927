package app.ombud.policy.internal;

import app.ombud.policy.PolicyContent;
import app.ombud.policy.PolicyDiff;
import app.ombud.policy.PolicySection;
import app.ombud.policy.PolicySections;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Policy content to and from JSON, and the difference between two versions, setting by setting. */
@Component
public class PolicyJson {

    private final JsonMapper json;

    PolicyJson(JsonMapper json) {
        this.json = json.rebuild().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
    }

    /** The content as one JSON object, a member per section key. */
    public String write(PolicyContent content) {
        return json.writeValueAsString(content.sections());
    }

    /** Reads each section by its key; a section missing from the stored text gets its defaults. */
    public PolicyContent read(String text) {
        JsonNode stored = json.readTree(text);
        Map<String, PolicySection> sections = new java.util.LinkedHashMap<>();
        for (PolicySections.Kind<?> kind : PolicySections.ALL) {
            JsonNode node = stored.get(kind.key());
            if (node != null && !node.isNull()) {
                sections.put(kind.key(), json.treeToValue(node, kind.type()));
            }
        }
        return new PolicyContent(sections);
    }

    /** Settings that differ, by path (levels, criteria and rules are named by their level, code or group). */
    public List<PolicyDiff> diff(PolicyContent before, PolicyContent after) {
        Map<String, String> a = flatten(json.valueToTree(before.sections()));
        Map<String, String> b = flatten(json.valueToTree(after.sections()));
        List<PolicyDiff> diffs = new ArrayList<>();
        TreeSet<String> paths = new TreeSet<>(a.keySet());
        paths.addAll(b.keySet());
        for (String path : paths) {
            String x = a.get(path);
            String y = b.get(path);
            if (x == null ? y != null : !x.equals(y)) {
                diffs.add(new PolicyDiff(path, x, y));
            }
        }
        return diffs;
    }

    /** Every setting's path in a content, as a diff names them. */
    public java.util.Set<String> settings(PolicyContent content) {
        return flatten(json.valueToTree(content.sections())).keySet();
    }

    /** The top-level sections that differ, e.g. [grading, calendar]. */
    public List<String> changedSections(PolicyContent before, PolicyContent after) {
        return diff(before, after).stream().map(d -> d.path().split("\\.")[0]).distinct().toList();
    }

    private static Map<String, String> flatten(JsonNode node) {
        Map<String, String> out = new TreeMap<>();
        flatten("", node, out);
        return out;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            for (var entry : node.properties()) {
                flatten(path.isEmpty() ? entry.getKey() : path + "." + entry.getKey(), entry.getValue(), out);
            }
        } else if (node.isArray()) {
            boolean scalars = true;
            for (JsonNode item : node) {
                scalars &= item.isValueNode();
            }
            if (scalars) {
                TreeSet<String> values = new TreeSet<>();
                node.forEach(item -> values.add(item.asString()));
                out.put(path, String.join(", ", values));
                return;
            }
            int index = 0;
            for (JsonNode item : node) {
                flatten(path + "[" + key(item, index++) + "]", item, out);
            }
        } else if (!node.isNull()) {
            out.put(path, node.asString());
        }
    }

    private static String key(JsonNode item, int index) {
        for (String field : new String[] {"code", "group", "level", "year"}) {
            if (item.has(field) && item.get(field).isValueNode()) {
                return item.get(field).asString();
            }
        }
        return String.valueOf(index);
    }
}
