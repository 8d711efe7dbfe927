package app.ombud.support.indexes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a declared index serves a query shape, by MongoDB's equality-sort-range rule: the
 * index's leading keys are the shape's equality fields (in any order), then its sort fields in
 * order (all in the index's directions or all reversed; a sort field matched by equality is
 * constant and skipped), then — when it has any — one of its range fields (or a range on a sort
 * field, which walks that part of the index). The {@code _id} index
 * is always there; an equality on {@code _id} is served by it whatever else the filter says, and so
 * is an equality on every key of a unique index (one document at most). A
 * shape with no filter and no sort reads the whole collection and no index serves it.
 */
public final class IndexCoverage {

    private IndexCoverage() {
    }

    /**
     * A declared index: its collection, its keys with their directions (1 or -1), its name (null
     * when not known) and whether it is unique or a TTL index ({@code expireAfterSeconds}) — those
     * two exist for a constraint or for expiry, whether or not a query needs them.
     */
    public record Index(String collection, List<Map.Entry<String, Integer>> keys, String name, boolean unique,
            boolean ttl) {

        public Index(String collection, List<Map.Entry<String, Integer>> keys) {
            this(collection, keys, null, false, false);
        }

        /** Neither unique nor TTL: it is there only for the queries it serves. */
        public boolean forQueries() {
            return !unique && !ttl;
        }

        /** The index as one line: {@code cases [status:1, checkDue:1] check_due}, then {@code unique}, {@code ttl}. */
        @Override
        public String toString() {
            return collection + " " + keys.stream().map(k -> k.getKey() + ":" + k.getValue()).toList()
                    + (name == null ? "" : " " + name) + (unique ? " unique" : "") + (ttl ? " ttl" : "");
        }
    }

    /** Whether one of {@code indexes} (of any collections; the shape's are picked) serves {@code shape}. */
    public static boolean served(QueryShape shape, List<Index> indexes) {
        if (shape.unindexable()) {
            return false;
        }
        if (shape.equality().contains("_id")) {
            return true;
        }
        if (shape.equality().isEmpty() && shape.sort().isEmpty() && shape.range().isEmpty()) {
            return false;
        }
        if (indexes.stream().anyMatch(i -> i.unique() && i.collection().equals(shape.collection())
                && i.keys().stream().allMatch(k -> shape.equality().contains(k.getKey())))) {
            return true;
        }
        List<Index> candidates = new ArrayList<>();
        candidates.add(new Index(shape.collection(), List.of(Map.entry("_id", 1))));
        indexes.stream().filter(i -> i.collection().equals(shape.collection())).forEach(candidates::add);
        return candidates.stream().anyMatch(index -> serves(index.keys(), shape));
    }

    private static boolean serves(List<Map.Entry<String, Integer>> keys, QueryShape shape) {
        int pos = 0;
        Set<String> equal = new HashSet<>(shape.equality());
        while (pos < keys.size() && equal.remove(keys.get(pos).getKey())) {
            pos++;
        }
        if (!equal.isEmpty()) {
            return false;
        }
        Integer flip = null;
        Set<String> sorted = new HashSet<>();
        for (var s : shape.sort()) {
            if (shape.equality().contains(s.getKey())) {
                continue;
            }
            if (pos >= keys.size() || !keys.get(pos).getKey().equals(s.getKey())) {
                return false;
            }
            int same = Integer.signum(keys.get(pos).getValue()) == Integer.signum(s.getValue()) ? 1 : -1;
            if (flip != null && flip != same) {
                return false;
            }
            flip = same;
            sorted.add(s.getKey());
            pos++;
        }
        // a range on a sort field walks that part of the index; else the next key bounds the range
        return shape.range().isEmpty() || shape.range().stream().anyMatch(sorted::contains)
                || pos < keys.size() && shape.range().contains(keys.get(pos).getKey());
    }
}
