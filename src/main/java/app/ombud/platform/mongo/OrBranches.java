package app.ombud.platform.mongo;

import de.bwaldvogel.mongo.backend.DocumentComparator;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A query whose {@code $or} branches each have their own index, as MongoDB answers it: every
 * branch (with the rest of the query) is planned on its own, and the walks are merged in the
 * sort's order, each document once. Ombud's visibility rule is such an {@code $or} ("cases I
 * took in, or own, or my team's, ..."), combined with filters, an inbox sort and a keyset
 * continuation: no single index narrows all of its branches.
 *
 * <p>Used only when every branch has a plan and the weakest of them narrows more than the best
 * single plan of the whole query; the merged documents still go through the matcher.
 */
record OrBranches<P>(List<IndexedQueries.Plan<P>> plans, boolean servesSort, Document orderBy) {

    /** The best split of one of the query's top-level {@code $or}s, or null when none beats {@code single}. */
    static <P> OrBranches<P> of(List<Index<P>> indexes, Document query, Document orderBy, int limit,
            IndexedQueries.Plan<P> single) {
        if (query == null) {
            return null;
        }
        OrBranches<P> best = null;
        double bestScore = single == null ? Double.NEGATIVE_INFINITY : single.score();
        for (Split split : splits(query)) {
            List<IndexedQueries.Plan<P>> plans = new ArrayList<>();
            double weakest = Double.POSITIVE_INFINITY;
            for (Document branch : split.branches()) {
                var plan = IndexedQueries.plan(indexes, split.with(branch), orderBy, limit);
                if (plan == null) {
                    plans = null;
                    break;
                }
                plans.add(plan);
                weakest = Math.min(weakest, plan.score());
            }
            if (plans != null && weakest > bestScore) {
                boolean sorted = plans.stream().allMatch(IndexedQueries.Plan::servesSort);
                best = new OrBranches<>(plans, sorted, orderBy);
                bestScore = weakest;
            }
        }
        return best;
    }

    /** Each branch's documents, merged in sort order when every walk is sorted, each document once. */
    Stream<Document> documents(Function<P, Document> document) {
        List<Iterator<Document>> walks = new ArrayList<>();
        for (var plan : plans) {
            walks.add(plan.positions().map(document).filter(Objects::nonNull).iterator());
        }
        Iterator<Document> merged = servesSort && orderBy != null && !orderBy.isEmpty()
                ? new Merge(walks, new DocumentComparator(orderBy)) : walks.stream().flatMap(OrBranches::stream).iterator();
        Set<Object> seen = new HashSet<>();
        return stream(merged).filter(d -> seen.add(d.get("_id")));
    }

    private static <T> Stream<T> stream(Iterator<T> iterator) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, 0), false);
    }

    /** One {@code $or} of the query, and the query without it. */
    private record Split(Document rest, List<Document> branches) {

        Document with(Document branch) {
            return new Document("$and", List.of(rest, branch));
        }
    }

    /** The query's top-level {@code $or}s (also those inside a top-level {@code $and}), each as a split. */
    private static List<Split> splits(Document query) {
        List<Split> splits = new ArrayList<>();
        if (branches(query.get("$or")) != null) {
            Document rest = new Document(query);
            rest.remove("$or");
            splits.add(new Split(rest, branches(query.get("$or"))));
        }
        if (query.get("$and") instanceof List<?> parts) {
            for (int i = 0; i < parts.size(); i++) {
                if (parts.get(i) instanceof Document part && part.size() == 1 && branches(part.get("$or")) != null) {
                    List<Object> others = new ArrayList<>(parts);
                    others.remove(i);
                    Document rest = new Document(query);
                    rest.put("$and", others.isEmpty() ? List.of(new Document()) : others);
                    splits.add(new Split(rest, branches(part.get("$or"))));
                }
            }
        }
        return splits;
    }

    private static List<Document> branches(Object or) {
        // one branch too: Spring's criteria give a one-armed $or (the repeat check's phone), which then narrows
        if (!(or instanceof List<?> list) || list.isEmpty() || !list.stream().allMatch(Document.class::isInstance)) {
            return null;
        }
        return list.stream().map(Document.class::cast).toList();
    }

    /** A k-way merge of sorted walks. */
    private static final class Merge implements Iterator<Document> {

        private record Head(Document document, Iterator<Document> rest) {
        }

        private final PriorityQueue<Head> heads;

        Merge(List<Iterator<Document>> walks, Comparator<Document> order) {
            heads = new PriorityQueue<>(Math.max(1, walks.size()), Comparator.comparing(Head::document, order));
            walks.forEach(this::advance);
        }

        private void advance(Iterator<Document> walk) {
            if (walk.hasNext()) {
                heads.add(new Head(walk.next(), walk));
            }
        }

        @Override
        public boolean hasNext() {
            return !heads.isEmpty();
        }

        @Override
        public Document next() {
            Head head = heads.poll();
            if (head == null) {
                throw new NoSuchElementException();
            }
            advance(head.rest());
            return head.document();
        }
    }
}
