package app.ombud.policy;

import app.ombud.platform.OmbudException;
import app.ombud.platform.TextInput;
import app.ombud.platform.TextInput.Kind;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The test-call scorecard (SPEC §4, ANALYTICS.md §1): an indicator tree of level-1 indicators
 * (服务响应 / 服务规范 / 问题解决), their level-2 indicators, and the level-3 items a test call is
 * rated on. Only items carry a weight (0–100): an indicator weighs what its items weigh, so a
 * call's score and an indicator's score are the same weighted mean over their items. Codes are
 * unique across the whole tree; a test call records its answers by item code.
 */
public record Scorecard(List<Indicator> indicators) implements PolicySection {

    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    static final int MAX_INDICATORS = 10;
    static final int MAX_SUB_INDICATORS = 20;
    static final int MAX_ITEMS = 50;
    static final int MAX_WEIGHT = 100;

    public Scorecard {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }

    /** A level-1 indicator, e.g. 服务响应, and its level-2 indicators. */
    public record Indicator(String code, LocalizedText name, List<SubIndicator> subIndicators) {

        public Indicator {
            code = code == null ? null : code.strip();
            subIndicators = subIndicators == null ? List.of() : List.copyOf(subIndicators);
        }

        public Stream<Item> items() {
            return subIndicators.stream().flatMap(sub -> sub.items().stream());
        }
    }

    /** A level-2 indicator, e.g. 接听及时, and its items. */
    public record SubIndicator(String code, LocalizedText name, List<Item> items) {

        public SubIndicator {
            code = code == null ? null : code.strip();
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /**
     * A level-3 item a test call is rated on: its weight (0–100) in the weighted mean, its scale,
     * whether scoring below 50 % fails the whole call (critical), and whether the executor may
     * mark it N/A (left out of the score, never 0).
     */
    public record Item(String code, LocalizedText name, int weight, ScoreScale scale, boolean critical,
            boolean notApplicableAllowed) {

        public Item {
            code = code == null ? null : code.strip();
        }
    }

    /** Every item, level-1 indicator by level-1 indicator. */
    public Stream<Item> items() {
        return indicators.stream().flatMap(Indicator::items);
    }

    public Optional<Item> item(String code) {
        return items().filter(item -> item.code().equals(code)).findFirst();
    }

    public Scorecard validate() {
        texts();
        range(indicators.size(), 1, MAX_INDICATORS, "indicators", "SCORECARD_EMPTY");
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < indicators.size(); i++) {
            Indicator indicator = indicators.get(i);
            String at = "indicators[" + i + "]";
            if (indicator == null) {
                throw OmbudException.badRequest("REQUIRED", at, "{0} is required", at);
            }
            node(indicator.code(), indicator.name(), at, codes);
            range(indicator.subIndicators().size(), 1, MAX_SUB_INDICATORS, at + ".subIndicators",
                    "SCORECARD_INDICATOR_EMPTY");
            for (int j = 0; j < indicator.subIndicators().size(); j++) {
                SubIndicator sub = indicator.subIndicators().get(j);
                String subAt = at + ".subIndicators[" + j + "]";
                if (sub == null) {
                    throw OmbudException.badRequest("REQUIRED", subAt, "{0} is required", subAt);
                }
                node(sub.code(), sub.name(), subAt, codes);
                range(sub.items().size(), 1, MAX_ITEMS, subAt + ".items", "SCORECARD_INDICATOR_EMPTY");
                for (int k = 0; k < sub.items().size(); k++) {
                    item(sub.items().get(k), subAt + ".items[" + k + "]", codes);
                }
            }
        }
        if (items().allMatch(item -> item.weight() == 0)) {
            throw OmbudException.badRequest("SCORECARD_WEIGHTS_ZERO", "indicators",
                    "Every item of the scorecard weighs 0: give at least one item a weight");
        }
        return this;
    }

    private static void item(Item item, String at, Set<String> codes) {
        if (item == null) {
            throw OmbudException.badRequest("REQUIRED", at, "{0} is required", at);
        }
        node(item.code(), item.name(), at, codes);
        Grading.range(item.weight(), 0, MAX_WEIGHT, at + ".weight");
        if (item.scale() == null) {
            throw OmbudException.badRequest("REQUIRED", at + ".scale", "{0} is required", at + ".scale");
        }
    }

    /** Every code and name within its length and free of control characters, before the tree's rules. */
    private void texts() {
        for (int i = 0; i < indicators.size(); i++) {
            Indicator indicator = indicators.get(i);
            String at = "indicators[" + i + "]";
            if (indicator == null) {
                continue;
            }
            text(indicator.code(), indicator.name(), at);
            for (int j = 0; j < indicator.subIndicators().size(); j++) {
                SubIndicator sub = indicator.subIndicators().get(j);
                String subAt = at + ".subIndicators[" + j + "]";
                if (sub == null) {
                    continue;
                }
                text(sub.code(), sub.name(), subAt);
                for (int k = 0; k < sub.items().size(); k++) {
                    Item item = sub.items().get(k);
                    if (item != null) {
                        text(item.code(), item.name(), subAt + ".items[" + k + "]");
                    }
                }
            }
        }
    }

    private static void text(String code, LocalizedText name, String at) {
        TextInput.optional(code, at + ".code", Kind.CODE);
        if (name != null) {
            name.given(at + ".name", Kind.LINE);
        }
    }

    /** A code (well formed, not used elsewhere in the tree) and a name in at least one language. */
    private static void node(String code, LocalizedText name, String at, Set<String> codes) {
        String given = TextInput.optional(code, at + ".code", Kind.CODE);
        String checked = given == null ? "" : given;
        if (!CODE.matcher(checked).matches()) {
            throw OmbudException.badRequest("SCORECARD_CODE_INVALID", at + ".code",
                    "A code is 2 to 40 capital letters, digits or underscores, starting with a letter: {0}", checked);
        }
        if (!codes.add(checked)) {
            throw OmbudException.badRequest("SCORECARD_CODE_TAKEN", at + ".code",
                    "The scorecard code {0} is used twice", checked);
        }
        if (name == null || !name.given(at + ".name", Kind.LINE)) {
            throw OmbudException.badRequest("REQUIRED", at + ".name", "{0} is required", at + ".name");
        }
    }

    /** A list's size: empty is its own code, too long is out of range. */
    private static void range(int size, int min, int max, String field, String emptyCode) {
        if (size == 0) {
            throw OmbudException.badRequest(emptyCode, field, "{0} needs at least one entry", field);
        }
        Grading.range(size, min, max, field);
    }
}
