package app.ombud.support.indexes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * What an index must serve of one query (issue 12): its collection, the fields it matches by
 * equality (a value, {@code $eq}, {@code $in}), the fields and directions it sorts by, and the
 * fields it bounds by range or another operator ({@code $gt}, {@code $lt}, {@code $ne},
 * {@code $exists}, a regular expression, ...) — MongoDB's equality-sort-range reading. A filter
 * with {@code $or} gives one shape per branch; {@code $and} is read through. A shape is
 * {@code unindexable} when its filter names an operator no index serves ({@code $expr},
 * {@code $where}, {@code $text} on the embedded store).
 */
public record QueryShape(String collection, Set<String> equality, List<Map.Entry<String, Integer>> sort,
        Set<String> range, boolean unindexable) {

    private static final Set<String> EQUALITY = Set.of("$eq", "$in");

    /** The shapes of a filter and a sort on a collection. */
    public static List<QueryShape> of(String collection, BsonDocument filter, BsonDocument sort) {
        List<Map.Entry<String, Integer>> order = new ArrayList<>();
        if (sort != null) {
            for (var e : sort.entrySet()) {
                order.add(Map.entry(e.getKey(), e.getValue().isNumber() && e.getValue().asNumber().intValue() < 0
                        ? -1 : 1));
            }
        }
        List<Parts> branches = new ArrayList<>();
        branches.add(new Parts());
        read(filter == null ? new BsonDocument() : filter, branches);
        return branches.stream().map(p -> new QueryShape(collection, p.equality, List.copyOf(order), p.range,
                p.unindexable)).distinct().toList();
    }

    private static final class Parts {
        final Set<String> equality = new TreeSet<>();
        final Set<String> range = new TreeSet<>();
        boolean unindexable;

        Parts copy() {
            var p = new Parts();
            p.equality.addAll(equality);
            p.range.addAll(range);
            p.unindexable = unindexable;
            return p;
        }
    }

    /** Reads a filter into every branch; an {@code $or} multiplies the branches. */
    private static void read(BsonDocument filter, List<Parts> branches) {
        for (var e : filter.entrySet()) {
            String key = e.getKey();
            BsonValue value = e.getValue();
            switch (key) {
                case "$and" -> value.asArray().forEach(v -> read(v.asDocument(), branches));
                case "$or", "$nor" -> {
                    List<Parts> next = new ArrayList<>();
                    for (Parts branch : branches) {
                        for (BsonValue alternative : (BsonArray) value) {
                            List<Parts> one = new ArrayList<>(List.of(branch.copy()));
                            read(alternative.asDocument(), one);
                            next.addAll(one);
                        }
                    }
                    branches.clear();
                    branches.addAll(next);
                }
                default -> {
                    if (key.startsWith("$")) {
                        branches.forEach(b -> b.unindexable = true);
                    } else {
                        boolean equal = isEquality(value);
                        branches.forEach(b -> (equal ? b.equality : b.range).add(key));
                    }
                }
            }
        }
    }

    private static boolean isEquality(BsonValue value) {
        if (value.isRegularExpression()) {
            return false;
        }
        if (!value.isDocument() || value.asDocument().isEmpty()
                || !value.asDocument().getFirstKey().startsWith("$")) {
            return true;
        }
        return value.asDocument().keySet().stream().allMatch(EQUALITY::contains);
    }

    /** The shape as one line: {@code cases  E[status, teamId] S[receivedAt:-1, _id:-1] R[]}. */
    @Override
    public String toString() {
        var sorted = new LinkedHashMap<String, Integer>();
        sort.forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return collection + "  E" + equality + " S" + sorted.entrySet().stream().map(e -> e.getKey() + ":"
                + e.getValue()).toList() + " R" + range + (unindexable ? " unindexable" : "");
    }
}
