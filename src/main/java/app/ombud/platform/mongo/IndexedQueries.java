package app.ombud.platform.mongo;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Spliterators;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Answers a query of an indexed collection through one of its {@link SortedIndex}es, the way
 * MongoDB does with the equality-sort-range rule: the index's leading keys take the query's
 * equalities and {@code $in}s, the next key one range, and when the rest of the sort follows the
 * index (all keys its way or all reversed; the {@code _id} it ends with counts) the walk yields
 * the documents already sorted, so a limit stops it after a page. A keyset continuation
 * ({@code $or} of "after this key" branches) narrows the walk to where the next page starts.
 *
 * <p>Every document the walk yields still goes through mongo-java-server's matcher and, unless
 * the walk is in sort order, its sort: the index narrows, the matcher decides. A query no index
 * narrows (or one a unique index answers) goes the collection's own way, a scan. An {@code $or}
 * whose branches each narrow on their own index is walked branch by branch ({@link OrBranches}).
 */
final class IndexedQueries {

    /** More {@code $in} combinations than this, and the index stops at that key. */
    private static final int MAX_INTERVALS = 512;

    private static final ValueComparator VALUES = ValueComparator.ascWithoutListHandling();

    /** What a collection lends the planner. */
    interface Host<P> {

        List<Index<P>> getIndexes();

        /** The stored document, null if it went meanwhile. */
        Document document(P position);

        /** mongo-java-server's matcher, sort (when {@code orderBy} is given), skip, limit and projection. */
        QueryResult match(Document query, Stream<Document> candidates, int skip, int limit, int batchSize,
                Document orderBy, Document fieldSelector);

        /** The collection's own way: its unique indexes or a scan. */
        QueryResult scan(Document query, Document orderBy, int skip, int limit, int batchSize, Document fieldSelector);
    }

    private IndexedQueries() {
    }

    static <P> QueryResult query(Host<P> host, Document query, Document orderBy, int skip, int limit, int batchSize,
            Document fieldSelector) {
        List<P> looked = query == null ? null : uniqueLookup(host.getIndexes(), Conditions.of(query));
        if (looked != null) {
            return host.match(query, looked.stream().map(host::document).filter(Objects::nonNull), skip, limit,
                    batchSize, orderBy, fieldSelector);
        }
        Plan<P> plan = plan(host.getIndexes(), query, orderBy, limit);
        OrBranches<P> branches = OrBranches.of(host.getIndexes(), query, orderBy, limit, plan);
        if (branches != null) {
            return host.match(query, branches.documents(host::document), skip, limit, batchSize,
                    branches.servesSort() ? null : orderBy, fieldSelector);
        }
        if (plan == null) {
            return host.scan(query, orderBy, skip, limit, batchSize, fieldSelector);
        }
        return host.match(query, plan.positions().map(host::document).filter(Objects::nonNull), skip, limit,
                batchSize, plan.servesSort() ? null : orderBy, fieldSelector);
    }

    /** Whether an index narrows the query: a unique lookup, a plan, or a plan per {@code $or} branch. */
    static <P> boolean narrows(List<Index<P>> indexes, Document query) {
        if (query == null) {
            return false;
        }
        Plan<P> plan = plan(indexes, query, null, 0);
        return plan != null || uniqueLookup(indexes, Conditions.of(query)) != null
                || OrBranches.of(indexes, query, null, 0, null) != null;
    }

    /**
     * The documents a unique index holds for the values the query binds all its keys to (also
     * inside an {@code $and}, which mongo-java-server's own lookup does not see: {@code case(id)}
     * with the reader's visibility is such a query), or null when no unique index is bound.
     */
    static <P> List<P> uniqueLookup(List<Index<P>> indexes, Conditions conditions) {
        for (Index<P> index : indexes) {
            if (index instanceof SortedIndex<P> || !index.isUnique()) {
                continue;
            }
            List<Document> keys = new ArrayList<>();
            keys.add(new Document());
            for (IndexKey key : index.getKeys()) {
                Condition condition = conditions.fields().get(key.getKey());
                if (condition == null || condition.points() == null || condition.points().contains(null)
                        || condition.points().size() > 1 && index.getKeys().size() > 1) {
                    keys = null;
                    break;
                }
                List<Document> next = new ArrayList<>();
                for (Document partial : keys) {
                    for (Object value : condition.points(true)) {
                        next.add(new Document(partial).append(key.getKey(), value));
                    }
                }
                keys = next;
            }
            if (keys != null && keys.stream().allMatch(index::canHandle)) {
                List<P> positions = new ArrayList<>();
                for (Document key : keys) {
                    index.getPositions(key).forEach(positions::add);
                }
                return positions;
            }
        }
        return null;
    }

    /** The best index's walk, or null when no index narrows the query (or a unique one answers it). */
    static <P> Plan<P> plan(List<Index<P>> indexes, Document query, Document orderBy, int limit) {
        if (orderBy != null && orderBy.containsKey("$natural")) {
            return null;
        }
        Conditions conditions = Conditions.of(query == null ? new Document() : query);
        Plan<P> best = null;
        for (Index<P> index : indexes) {
            if (!(index instanceof SortedIndex<P> sorted)) {
                if (query != null && index.canHandle(query)) {
                    return null;
                }
                continue;
            }
            Plan<P> plan = Plan.of(sorted, conditions, orderBy, limit);
            if (plan != null && (best == null || plan.score() > best.score())) {
                best = plan;
            }
        }
        return best;
    }

    /** One index's walk: key intervals in index order, walked forward or backward. */
    record Plan<P>(SortedIndex<P> index, List<Object[][]> intervals, boolean reverse, boolean servesSort,
            double score) {

        static <P> Plan<P> of(SortedIndex<P> index, Conditions conditions, Document orderBy, int limit) {
            List<String> fields = new ArrayList<>(index.fields());
            fields.add("_id");
            if (index.sparse() && !conditions.narrows(fields.get(0))) {
                return null; // documents without the keys are not in a sparse index
            }
            Intervals top = Intervals.of(index, fields, conditions.fields());
            Boolean reverse = index.entries().multikey() ? null : sortWalk(index, fields, top.singlePoints(), conditions,
                    orderBy);
            boolean servesSort = reverse != null;
            double score = 2 * top.points() + (top.range() ? 1 : 0) + (servesSort && limit > 0 ? 1.5 : 0)
                    + (servesSort && orderBy != null && !orderBy.isEmpty() ? 0.25 : 0);
            if (top.points() == 0 && !top.range() && !(servesSort && limit > 0)) {
                return null;
            }
            List<Object[][]> intervals = top.list();
            if (conditions.or() != null) {
                intervals = new ArrayList<>();
                for (Map<String, Condition> branch : conditions.or()) {
                    intervals.addAll(Intervals.of(index, fields, branch).list());
                }
                intervals = merged(index.order(), intervals);
            }
            return new Plan<>(index, intervals, Boolean.TRUE.equals(reverse), servesSort, score);
        }

        Stream<P> positions() {
            List<Object[][]> walk = intervals;
            if (reverse) {
                walk = new ArrayList<>(intervals);
                java.util.Collections.reverse(walk);
            }
            Stream<P> positions = walk.stream().flatMap(interval -> {
                Iterator<P> it = index.entries().walk(interval[0], interval[1], reverse);
                return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, 0), false);
            });
            return index.entries().multikey() ? positions.distinct() : positions;
        }

        /**
         * Whether walking the index yields the sort's order: forward (false), backward (true), or
         * not at all (null). Keys every match has the same value of (single equalities) are
         * skipped in both, the rest of the sort must be the next keys, all in the index's
         * direction or all against it.
         */
        private static Boolean sortWalk(SortedIndex<?> index, List<String> fields, int singlePoints,
                Conditions conditions, Document orderBy) {
            if (orderBy == null || orderBy.isEmpty()) {
                return false;
            }
            int column = singlePoints;
            Boolean reverse = null;
            for (Map.Entry<String, Object> sort : orderBy.entrySet()) {
                if (conditions.singlePoint(sort.getKey())) {
                    continue;
                }
                if (!(sort.getValue() instanceof Number direction) || column >= fields.size()
                        || !fields.get(column).equals(sort.getKey())) {
                    return null;
                }
                boolean against = (direction.doubleValue() > 0) != index.order().ascending(column);
                if (reverse != null && reverse != against) {
                    return null;
                }
                reverse = against;
                column++;
            }
            return reverse == null ? Boolean.FALSE : reverse;
        }
    }

    /** Sorted by start, overlapping ones joined: a walk meets every entry once, in index order. */
    private static List<Object[][]> merged(IndexKeyOrder order, List<Object[][]> intervals) {
        List<Object[][]> sorted = new ArrayList<>(intervals);
        sorted.sort((a, b) -> order.compare(a[0], b[0]));
        List<Object[][]> result = new ArrayList<>();
        for (Object[][] interval : sorted) {
            Object[][] last = result.isEmpty() ? null : result.get(result.size() - 1);
            if (last != null && order.compare(interval[0], last[1]) <= 0) {
                if (order.compare(interval[1], last[1]) > 0) {
                    last[1] = interval[1];
                }
            } else {
                result.add(new Object[][] {interval[0].clone(), interval[1].clone()});
            }
        }
        return result;
    }

    /** The key intervals one set of conditions gives on an index. */
    private record Intervals(List<Object[][]> list, int points, int singlePoints, boolean range) {

        static Intervals of(SortedIndex<?> index, List<String> fields, Map<String, Condition> conditions) {
            IndexKeyOrder order = index.order();
            int columns = fields.size();
            List<Object[][]> list = new ArrayList<>();
            list.add(new Object[][] {new Object[columns], new Object[columns]});
            int points = 0;
            int singlePoints = 0;
            boolean range = false;
            int column = 0;
            for (; column < columns; column++) {
                Condition condition = conditions.get(fields.get(column));
                if (condition == null) {
                    break;
                }
                if (condition.points() != null) {
                    List<Object> values = condition.points(order.ascending(column));
                    if (list.size() * Math.max(1, values.size()) > MAX_INTERVALS
                            || index.sparse() && values.contains(null)) {
                        break;
                    }
                    List<Object[][]> next = new ArrayList<>(list.size() * values.size());
                    for (Object[][] interval : list) {
                        for (Object value : values) {
                            Object[][] copy = {interval[0].clone(), interval[1].clone()};
                            copy[0][column] = value;
                            copy[1][column] = value;
                            next.add(copy);
                        }
                    }
                    list = next;
                    points++;
                    if (values.size() == 1 && singlePoints == column) {
                        singlePoints++;
                    }
                    continue;
                }
                boolean ascending = order.ascending(column);
                Object first = ascending ? condition.low() : condition.high();
                Object last = ascending ? condition.high() : condition.low();
                for (Object[][] interval : list) {
                    interval[0][column] = first == null ? IndexKeyOrder.LOW : first;
                    interval[1][column] = last == null ? IndexKeyOrder.HIGH : last;
                }
                range = true;
                column++;
                break;
            }
            for (Object[][] interval : list) {
                for (int rest = column; rest < columns; rest++) {
                    interval[0][rest] = IndexKeyOrder.LOW;
                    interval[1][rest] = IndexKeyOrder.HIGH;
                }
            }
            return new Intervals(list, points, singlePoints, range);
        }
    }

    /**
     * What a field's part of the query lets an index narrow: the values it must equal (an
     * equality or {@code $in}), or the range it must lie in (bounds included, null = open). Only
     * plain values count: documents, arrays and regular expressions leave the field to the matcher.
     */
    record Condition(List<Object> points, Object low, Object high) {

        /** The values in the index's order, each once: {@code $in: [1, 1.0]} is one key. */
        List<Object> points(boolean ascending) {
            List<Object> sorted = new ArrayList<>(points);
            sorted.sort(ascending ? VALUES : VALUES.reversed());
            List<Object> distinct = new ArrayList<>(sorted.size());
            for (Object value : sorted) {
                if (distinct.isEmpty() || VALUES.compare(distinct.get(distinct.size() - 1), value) != 0) {
                    distinct.add(value);
                }
            }
            return distinct;
        }

        static Condition of(Object value) {
            if (value instanceof Document operators && !operators.isEmpty()
                    && operators.keySet().iterator().next().startsWith("$")) {
                if (operators.containsKey("$eq")) {
                    return plain(operators.get("$eq")) ? new Condition(single(operators.get("$eq")), null, null)
                            : null;
                }
                if (operators.get("$in") instanceof Collection<?> values) {
                    return values.stream().allMatch(IndexedQueries::plain)
                            ? new Condition(new ArrayList<>(values), null, null) : null;
                }
                Object low = bound(operators, "$gt", "$gte");
                Object high = bound(operators, "$lt", "$lte");
                return low == null && high == null ? null : new Condition(null, low, high);
            }
            return plain(value) ? new Condition(single(value), null, null) : null;
        }

        private static List<Object> single(Object value) {
            List<Object> list = new ArrayList<>(1);
            list.add(value);
            return list;
        }

        private static Object bound(Document operators, String exclusive, String inclusive) {
            Object value = operators.containsKey(exclusive) ? operators.get(exclusive) : operators.get(inclusive);
            return value != null && plain(value) ? value : null;
        }

        private static Object nullable(Object value) {
            return value;
        }
    }

    /** A value an index can look up: not a document, array or regular expression. */
    static boolean plain(Object value) {
        return !(value instanceof Document || value instanceof Collection<?> || value instanceof Pattern
                || value instanceof BsonRegularExpression || value instanceof Map<?, ?>);
    }

    /**
     * The query's conditions an index can use: its fields (with a top-level {@code $and}'s joined
     * in) and, when it has one {@code $or}, each branch's fields added to them.
     */
    record Conditions(Map<String, Condition> fields, List<Map<String, Condition>> or) {

        static Conditions of(Document query) {
            Map<String, Condition> fields = new HashMap<>();
            List<Document> ors = new ArrayList<>();
            collect(query, fields, ors);
            List<Map<String, Condition>> branches = null;
            if (ors.size() == 1 && ors.get(0).get("$or") instanceof List<?> list && !list.isEmpty()
                    && list.stream().allMatch(Document.class::isInstance)) {
                branches = new ArrayList<>();
                for (Object branch : list) {
                    Map<String, Condition> conditions = new HashMap<>();
                    collect((Document) branch, conditions, new ArrayList<>());
                    fields.forEach(conditions::put);
                    branches.add(conditions);
                }
            }
            return new Conditions(fields, branches);
        }

        private static void collect(Document query, Map<String, Condition> fields, List<Document> ors) {
            for (Map.Entry<String, Object> entry : query.entrySet()) {
                String key = entry.getKey();
                if (key.equals("$and") && entry.getValue() instanceof List<?> parts) {
                    for (Object part : parts) {
                        if (part instanceof Document document) {
                            collect(document, fields, ors);
                        }
                    }
                } else if (key.equals("$or")) {
                    ors.add(new Document("$or", entry.getValue()));
                } else if (!key.startsWith("$")) {
                    Condition condition = Condition.of(entry.getValue());
                    if (condition != null) {
                        fields.merge(key, condition, (had, more) -> had.points() != null ? had : more);
                    }
                }
            }
        }

        boolean singlePoint(String field) {
            Condition condition = fields.get(field);
            return condition != null && condition.points() != null && condition.points().size() == 1;
        }

        boolean narrows(String field) {
            Condition condition = fields.get(field);
            return condition != null && (condition.points() == null || !condition.points().contains(null));
        }
    }
}
