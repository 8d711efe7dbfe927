package app.ombud.policy.ui;

import app.ombud.policy.LocalizedText;
import app.ombud.policy.ScoreScale;
import app.ombud.policy.Scorecard;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The scorecard page's working copy of the indicator tree: nodes an admin edits in place, added
 * and removed, turned back into a {@link Scorecard} to save. Nothing here checks the rules; the
 * record does on save, and its error names a node by its position
 * ({@code indicators[0].subIndicators[1].items[2].weight}), which {@link #at(String)} finds.
 */
final class ScorecardTree {

    /** The levels of the tree: level-1 and level-2 indicators, and the items rated. */
    enum Level {
        INDICATOR, SUB_INDICATOR, ITEM
    }

    private static final Pattern POSITION = Pattern.compile("(indicators|subIndicators|items)\\[(\\d+)]");

    /** One node of any level; weight, scale, critical and N/A are an item's only. */
    static final class Node {
        final Level level;
        Node parent;
        final List<Node> children = new ArrayList<>();
        String code = "";
        String nameZh = "";
        String nameEn = "";
        int weight;
        ScoreScale scale = ScoreScale.YES_NO;
        boolean critical;
        boolean notApplicableAllowed;

        Node(Level level, Node parent) {
            this.level = level;
            this.parent = parent;
        }

        /** An item's weight; an indicator weighs what its items weigh. */
        int totalWeight() {
            return level == Level.ITEM ? weight : children.stream().mapToInt(Node::totalWeight).sum();
        }

        /** The position the service's errors name it by, e.g. {@code indicators[0].subIndicators[1]}. */
        String path(ScorecardTree tree) {
            return switch (level) {
                case INDICATOR -> "indicators[" + tree.roots.indexOf(this) + "]";
                case SUB_INDICATOR -> parent.path(tree) + ".subIndicators[" + parent.children.indexOf(this) + "]";
                case ITEM -> parent.path(tree) + ".items[" + parent.children.indexOf(this) + "]";
            };
        }

        LocalizedText name() {
            return LocalizedText.of(nameZh, nameEn);
        }
    }

    final List<Node> roots = new ArrayList<>();

    static ScorecardTree of(Scorecard scorecard) {
        var tree = new ScorecardTree();
        for (Scorecard.Indicator indicator : scorecard.indicators()) {
            Node one = named(new Node(Level.INDICATOR, null), indicator.code(), indicator.name());
            tree.roots.add(one);
            for (Scorecard.SubIndicator sub : indicator.subIndicators()) {
                Node two = named(new Node(Level.SUB_INDICATOR, one), sub.code(), sub.name());
                one.children.add(two);
                for (Scorecard.Item item : sub.items()) {
                    Node three = named(new Node(Level.ITEM, two), item.code(), item.name());
                    three.weight = item.weight();
                    three.scale = item.scale();
                    three.critical = item.critical();
                    three.notApplicableAllowed = item.notApplicableAllowed();
                    two.children.add(three);
                }
            }
        }
        return tree;
    }

    Scorecard toScorecard() {
        return new Scorecard(roots.stream().map(one -> new Scorecard.Indicator(orNull(one.code), one.name(),
                one.children.stream().map(two -> new Scorecard.SubIndicator(orNull(two.code), two.name(),
                        two.children.stream().map(three -> new Scorecard.Item(orNull(three.code), three.name(),
                                three.weight, three.scale, three.critical, three.notApplicableAllowed)).toList()))
                        .toList())).toList());
    }

    /** Adds a node at the level below {@code parent} (a level-1 indicator when it is null), last. */
    Node add(Node parent) {
        if (parent == null) {
            Node node = new Node(Level.INDICATOR, null);
            roots.add(node);
            return node;
        }
        Node node = new Node(parent.level == Level.INDICATOR ? Level.SUB_INDICATOR : Level.ITEM, parent);
        if (node.level == Level.ITEM) {
            node.weight = 5;
        }
        parent.children.add(node);
        return node;
    }

    void remove(Node node) {
        (node.parent == null ? roots : node.parent.children).remove(node);
    }

    int totalWeight() {
        return roots.stream().mapToInt(Node::totalWeight).sum();
    }

    Stream<Node> all() {
        return roots.stream().flatMap(ScorecardTree::withChildren);
    }

    /** The deepest node a service field names, e.g. the item of {@code indicators[0].subIndicators[1].items[2].weight}. */
    Optional<Node> at(String field) {
        if (field == null) {
            return Optional.empty();
        }
        Matcher position = POSITION.matcher(field);
        List<Node> level = roots;
        Node found = null;
        while (position.find()) {
            int index = Integer.parseInt(position.group(2));
            if (index >= level.size()) {
                break;
            }
            found = level.get(index);
            level = found.children;
        }
        return Optional.ofNullable(found);
    }

    private static Stream<Node> withChildren(Node node) {
        return Stream.concat(Stream.of(node), node.children.stream().flatMap(ScorecardTree::withChildren));
    }

    private static Node named(Node node, String code, LocalizedText name) {
        node.code = code == null ? "" : code;
        node.nameZh = name == null || name.zh() == null ? "" : name.zh();
        node.nameEn = name == null || name.en() == null ? "" : name.en();
        return node;
    }

    private static String orNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
