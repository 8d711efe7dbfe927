package app.ombud.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which walk the planner picks, and how much of the index it walks: the differential test proves
 * the answers right, this proves the index is what answers (a scan would answer them right too).
 */
class IndexedQueriesTest {

    private static final int DOCUMENTS = 1000;

    private SortedIndex<Integer> byStatusAndAt;
    private SortedIndex<Integer> byAt;
    private SortedIndex<Integer> byOwnerAndAt;
    private final Map<Integer, Document> stored = new HashMap<>();

    @BeforeEach
    void fill() {
        byStatusAndAt = index("status_at", List.of(new IndexKey("status", true), new IndexKey("at", false)));
        byAt = index("at", List.of(new IndexKey("at", false)));
        byOwnerAndAt = index("owner_at", List.of(new IndexKey("owner", true), new IndexKey("at", false)));
        for (int i = 0; i < DOCUMENTS; i++) {
            Document document = new Document("_id", i).append("status", "s" + (i % 10)).append("at", i)
                    .append("owner", "p" + (i % 7));
            stored.put(i, document);
            for (var index : List.of(byStatusAndAt, byAt, byOwnerAndAt)) {
                index.add(document, i, null);
            }
        }
    }

    private static SortedIndex<Integer> index(String name, List<IndexKey> keys) {
        IndexKeyOrder order = SortedIndex.order(keys);
        return new SortedIndex<>(name, keys, false, order, new IndexEntries.OnHeap<>(order));
    }

    private IndexedQueries.Plan<Integer> plan(Document query, Document orderBy, int limit) {
        List<Index<Integer>> indexes = List.of(byAt, byStatusAndAt, byOwnerAndAt);
        return IndexedQueries.plan(indexes, query, orderBy, limit);
    }

    @Test
    void anEqualityAndASortFollowingTheIndexWalkOnlyTheMatchesInOrder() {
        var plan = plan(new Document("status", "s3"), new Document("at", -1), 5);

        assertThat(plan.index()).isSameAs(byStatusAndAt);
        assertThat(plan.servesSort()).isTrue();
        assertThat(plan.reverse()).isFalse();
        assertThat(plan.positions().limit(3).toList()).containsExactly(993, 983, 973);
        assertThat(plan.positions().count()).isEqualTo(DOCUMENTS / 10);
    }

    @Test
    void theSortAgainstTheIndexWalksItBackwards() {
        var plan = plan(new Document("status", "s3"), new Document("at", 1), 5);

        assertThat(plan.servesSort()).isTrue();
        assertThat(plan.reverse()).isTrue();
        assertThat(plan.positions().limit(3).toList()).containsExactly(3, 13, 23);
    }

    @Test
    void aKeysetContinuationStartsWhereTheLastPageEnded() {
        Document after = new Document("$or", List.of(new Document("at", new Document("$lt", 503)),
                new Document("at", 503).append("_id", new Document("$gt", 503))));
        var plan = plan(new Document("status", "s3").append("$and", List.of(after)),
                new Document("at", -1).append("_id", 1), 50);

        assertThat(plan.index()).isSameAs(byStatusAndAt);
        assertThat(plan.servesSort()).isTrue(); // the index ends with _id ascending, as the sort does
        // bounds are walked inclusive (the matcher drops 503 itself): 503, 493, ..., 3
        assertThat(plan.positions().toList()).startsWith(503, 493).hasSize(51);
    }

    @Test
    void anInListWalksEachValueAndARangeOnlyItsSpan() {
        var in = plan(new Document("status", new Document("$in", List.of("s1", "s2", "s1"))), null, 0);
        assertThat(in.index()).isSameAs(byStatusAndAt);
        assertThat(in.positions().count()).isEqualTo(2 * DOCUMENTS / 10);

        var range = plan(new Document("at", new Document("$gte", 100).append("$lt", 120)), new Document("at", -1), 10);
        assertThat(range.index()).isSameAs(byAt);
        assertThat(range.servesSort()).isTrue();
        assertThat(range.positions().toList()).hasSize(21).startsWith(120, 119); // bounds included, the matcher drops 120
    }

    @Test
    void anOrWhoseBranchesHaveTheirOwnIndexesWalksEachAndMergesThemInSortOrder() {
        Document query = new Document("$and", List.of(new Document("$or", List.of(new Document("status", "s3"),
                new Document("owner", "p2")))));
        Document orderBy = new Document("at", -1);
        var single = plan(query, orderBy, 5);
        var branches = OrBranches.of(List.of(byAt, byStatusAndAt, byOwnerAndAt), query, orderBy, 5, single);

        assertThat(single.index()).isSameAs(byAt); // alone, only the sort is served: a walk of every entry
        assertThat(branches.servesSort()).isTrue();
        assertThat(branches.plans()).extracting(IndexedQueries.Plan::index).containsExactly(byStatusAndAt,
                byOwnerAndAt);
        // at = i: status s3 are 993, 983, ...; owner p2 are i % 7 == 2: 996, 989, 982, ...; 968 is both
        assertThat(branches.documents(stored::get).limit(6).map(d -> d.get("_id")).toList())
                .containsExactly(996, 993, 989, 983, 982, 975);
        assertThat(branches.documents(stored::get).count()).isEqualTo(100 + 143 - 14);
    }

    @Test
    void aOneArmedOrNarrowsAsItsBranchWould() {
        Document query = new Document("$and", List.of(new Document("$or", List.of(new Document("owner", "p2"))),
                new Document("at", new Document("$gte", 900))));
        var branches = OrBranches.of(List.of(byAt, byStatusAndAt, byOwnerAndAt), query, new Document("at", -1), 5,
                plan(query, new Document("at", -1), 5));

        assertThat(branches.plans()).extracting(IndexedQueries.Plan::index).containsExactly(byOwnerAndAt);
        assertThat(branches.documents(stored::get).map(d -> d.get("_id")).toList()).startsWith(996, 989)
                .hasSize(14); // 905 ... 996, i % 7 == 2
    }

    @Test
    void aUniqueIndexAnswersItsKeyAlsoInsideAnAnd() {
        var conditions = IndexedQueries.Conditions.of(new Document("$and", List.of(new Document("_id", 7),
                new Document("$or", List.of(new Document("owner", "p0"), new Document("status", "s7"))))));
        var unique = new de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex("_id_",
                List.of(new IndexKey("_id", true)), false);
        unique.add(stored.get(7), 7, null);
        unique.add(stored.get(8), 8, null);

        assertThat(IndexedQueries.uniqueLookup(List.<Index<Integer>>of(byAt, unique), conditions)).containsExactly(7);
        assertThat(IndexedQueries.uniqueLookup(List.<Index<Integer>>of(byAt, unique),
                IndexedQueries.Conditions.of(new Document("owner", "p0")))).isNull();
    }

    @Test
    void equalitiesOnAnIndexsLeadingKeysAreCountedFromItsEntries() {
        List<Index<Integer>> indexes = List.of(byAt, byStatusAndAt, byOwnerAndAt);

        assertThat(IndexCounts.count(indexes, new Document("status", "s3"))).isEqualTo(100);
        assertThat(IndexCounts.count(indexes, new Document("$and", List.of(new Document("owner",
                new Document("$in", List.of("p1", "p2", "p1"))), new Document("at", new Document("$eq", 995))))))
                .isEqualTo(1); // 995 % 7 == 1
        assertThat(IndexCounts.count(indexes, new Document("status", "none"))).isZero();
        // anything else than equalities of present values reads the documents
        assertThat(IndexCounts.count(indexes, new Document("status", "s3").append("owner", "p1"))).isEqualTo(-1);
        assertThat(IndexCounts.count(indexes, new Document("status", new Document("$ne", "s3")))).isEqualTo(-1);
        assertThat(IndexCounts.count(indexes, new Document("status", null))).isEqualTo(-1);
        assertThat(IndexCounts.count(indexes, new Document("at", new Document("$gt", 5)))).isEqualTo(-1);
        assertThat(IndexCounts.count(indexes, new Document("$and", List.of(new Document("status", "s3"),
                new Document("status", "s4"))))).isEqualTo(-1);
    }

    @Test
    void aQueryNoIndexNarrowsIsLeftToTheScan() {
        assertThat(plan(new Document("other", 1), null, 0)).isNull();
        assertThat(plan(new Document("status", new Document("$regex", "s")), null, 0)).isNull();
        assertThat(plan(new Document(), new Document("$natural", 1), 10)).isNull();
    }

    @Test
    void aSortTheIndexServesWithALimitNeedsNoFilter() {
        var plan = plan(new Document(), new Document("at", -1), 50);

        assertThat(plan.index()).isSameAs(byAt);
        assertThat(plan.servesSort()).isTrue();
        assertThat(plan.positions().limit(2).toList()).containsExactly(999, 998);
    }
}
