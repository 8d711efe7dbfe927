package app.ombud.platform.mongo;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Counts from an index's entries alone, without reading a document, when the index's entries
 * are exactly the query's matches: the query is only equalities and {@code $in}s of plain,
 * non-null values, its fields are the index's leading keys, and no document gave the index an
 * array (an array field matches an equality with any of its elements, which entries do not
 * tell). A work queue's "how many are open and mine" is such a count; at a million cases reading
 * each matching document only to count it costs seconds.
 */
final class IndexCounts {

    private IndexCounts() {
    }

    /** How many documents match the query, or -1 when no index holds exactly its matches. */
    static <P> long count(List<Index<P>> indexes, Document query) {
        Map<String, List<Object>> points = new HashMap<>();
        if (query == null || !equalitiesOnly(query, points) || points.isEmpty()
                || points.values().stream().mapToLong(List::size).reduce(1, Math::multiplyExact) > 512) {
            return -1;
        }
        for (Index<P> index : indexes) {
            if (index instanceof SortedIndex<P> sorted && !sorted.entries().multikey()
                    && leadingKeysAre(sorted.fields(), points.keySet())) {
                return count(sorted, points);
            }
        }
        return -1;
    }

    private static boolean leadingKeysAre(List<String> fields, Collection<String> queried) {
        return fields.size() >= queried.size() && queried.containsAll(fields.subList(0, queried.size()));
    }

    private static <P> long count(SortedIndex<P> index, Map<String, List<Object>> points) {
        int columns = index.fields().size() + 1;
        List<Object[][]> intervals = new ArrayList<>();
        intervals.add(new Object[][] {new Object[columns], new Object[columns]});
        for (int column = 0; column < columns; column++) {
            List<Object> values = column < points.size() ? new IndexedQueries.Condition(
                    points.get(index.fields().get(column)), null, null).points(true) : null;
            List<Object[][]> next = new ArrayList<>();
            for (Object[][] interval : intervals) {
                if (values == null) {
                    interval[0][column] = IndexKeyOrder.LOW;
                    interval[1][column] = IndexKeyOrder.HIGH;
                    next.add(interval);
                    continue;
                }
                for (Object value : values) {
                    Object[][] copy = {interval[0].clone(), interval[1].clone()};
                    copy[0][column] = value;
                    copy[1][column] = value;
                    next.add(copy);
                }
            }
            intervals = next;
        }
        long count = 0;
        for (Object[][] interval : intervals) {
            for (Iterator<P> it = index.entries().walk(interval[0], interval[1], false); it.hasNext(); it.next()) {
                count++;
            }
        }
        return count;
    }

    /** Whether the query is only {@code field: value}, {@code $eq} and {@code $in} (in {@code $and}s), each field once. */
    private static boolean equalitiesOnly(Document query, Map<String, List<Object>> points) {
        for (Map.Entry<String, Object> entry : query.entrySet()) {
            String key = entry.getKey();
            if (key.equals("$and") && entry.getValue() instanceof List<?> parts) {
                for (Object part : parts) {
                    if (!(part instanceof Document document) || !equalitiesOnly(document, points)) {
                        return false;
                    }
                }
                continue;
            }
            List<Object> values = values(entry.getValue());
            if (key.startsWith("$") || values == null || values.isEmpty() || values.size() > 512
                    || points.put(key, values) != null) {
                return false;
            }
        }
        return true;
    }

    private static List<Object> values(Object value) {
        if (value instanceof Document operators && operators.size() == 1) {
            if (operators.containsKey("$eq")) {
                return values(operators.get("$eq"));
            }
            if (operators.get("$in") instanceof Collection<?> list) {
                List<Object> all = new ArrayList<>();
                for (Object element : list) {
                    if (!plainAndPresent(element)) {
                        return null;
                    }
                    all.add(element);
                }
                return all;
            }
        }
        return plainAndPresent(value) ? new ArrayList<>(List.of(value)) : null;
    }

    private static boolean plainAndPresent(Object value) {
        return value != null && IndexedQueries.plain(value);
    }
}
