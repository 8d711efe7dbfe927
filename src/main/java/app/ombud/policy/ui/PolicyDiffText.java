package app.ombud.policy.ui;

import app.ombud.policy.PolicySections;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A policy diff in the reader's language: a setting's path such as
 * {@code grading.levels[2].criteria[L2_SERVICE_FAILURE].text.zh} becomes
 * 客诉分级 › 2级 › 标准 L2_SERVICE_FAILURE › 说明 › 中文, and a code value such as
 * {@code DEPARTMENT_HEAD} its label. Labels come from {@code policy.section.<section>} and
 * {@code policy.field.<section>.<path>} ({0} is the list key: a level, a code, a year); a path
 * segment without a label of its own is a map key (a date) and shows as it is.
 */
final class PolicyDiffText {

    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)(?:\\[([^\\]]*)])?");
    static final String SEPARATOR = " › ";

    /** Translates a key with arguments; answers null when there is no translation. */
    private final BiFunction<String, Object[], String> translate;

    PolicyDiffText(BiFunction<String, Object[], String> translate) {
        this.translate = translate;
    }

    String label(String path) {
        List<String> parts = new ArrayList<>();
        Matcher segment = SEGMENT.matcher(path);
        String section = null;
        StringBuilder field = new StringBuilder();
        while (segment.find()) {
            String name = segment.group(1);
            String key = segment.group(2);
            if (section == null) {
                section = name;
                parts.add(orRaw(translate.apply("policy.section." + name, new Object[0]), name));
                continue;
            }
            String candidate = field.isEmpty() ? name : field + "." + name;
            String text = translate.apply("policy.field." + section + "." + candidate,
                    new Object[] {key == null ? "" : key});
            if (text == null) {
                text = translate.apply("policy.field." + name, new Object[0]);
            }
            if (text == null) {
                // a map key such as a date: shown as it is, not part of the setting's name
                parts.add(key == null ? name : name + " " + key);
                continue;
            }
            field.setLength(0);
            field.append(candidate);
            parts.add(text);
        }
        return String.join(SEPARATOR, parts);
    }

    String value(String path, String raw) {
        if (raw == null) {
            return "—";
        }
        String[] split = path.split("\\.", 2);
        var kind = PolicySections.byKey(split[0]);
        if (kind == null || split.length < 2) {
            return raw;
        }
        String field = split[1].replaceAll("\\[[^\\]]*]", "").replaceAll("\\.\\d{4}-\\d{2}-\\d{2}$", "");
        String prefix = kind.codeLabels().get(field);
        if (prefix == null || raw.isEmpty()) {
            return raw;
        }
        return Arrays.stream(raw.split(", ")).map(code -> orRaw(translate.apply(prefix + code, new Object[0]), code))
                .collect(Collectors.joining("、"));
    }

    private static String orRaw(String text, String raw) {
        return text == null ? raw : text;
    }
}
