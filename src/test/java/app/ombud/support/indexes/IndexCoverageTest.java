package app.ombud.support.indexes;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.support.indexes.IndexCoverage.Index;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/** Reading a query into its shape, and the equality-sort-range rule, on hand-made queries. */
class IndexCoverageTest {

    private static QueryShape one(String filter, String sort) {
        List<QueryShape> shapes = QueryShape.of("cases", BsonDocument.parse(filter),
                sort == null ? null : BsonDocument.parse(sort));
        assertThat(shapes).hasSize(1);
        return shapes.getFirst();
    }

    private static Index index(String collection, Object... keys) {
        List<Map.Entry<String, Integer>> list = new java.util.ArrayList<>();
        for (int i = 0; i < keys.length; i += 2) {
            list.add(Map.entry((String) keys[i], (Integer) keys[i + 1]));
        }
        return new Index(collection, list);
    }

    @Test
    void aFilterIsReadAsEqualitySortAndRange() {
        var shape = one("{status: {$in: ['NEW', 'OPEN']}, teamId: 'T1', receivedAt: {$gte: {$date: 0}},"
                + " subject: {$regex: 'x'}}", "{receivedAt: -1, _id: -1}");
        assertThat(shape.equality()).containsExactly("status", "teamId");
        assertThat(shape.range()).containsExactly("receivedAt", "subject");
        assertThat(shape.sort()).containsExactly(Map.entry("receivedAt", -1), Map.entry("_id", -1));
        assertThat(shape.toString()).isEqualTo(
                "cases  E[status, teamId] S[receivedAt:-1, _id:-1] R[receivedAt, subject]");
        assertThat(one("{$expr: {$gt: ['$a', '$b']}}", null).unindexable()).isTrue();
        assertThat(one("{address: {city: '北京'}}", null).equality()).containsExactly("address");
    }

    @Test
    void anOrGivesOneShapePerBranchAndAndIsReadThrough() {
        var shapes = QueryShape.of("cases", BsonDocument.parse(
                "{status: 'OPEN', $or: [{teamId: 'T1'}, {handler: 'H1', due: {$lt: 5}}], $and: [{level: 2}]}"), null);
        assertThat(shapes).extracting(QueryShape::toString).containsExactlyInAnyOrder(
                "cases  E[level, status, teamId] S[] R[]", "cases  E[handler, level, status] S[] R[due]");
    }

    @Test
    void anIndexServesEqualityThenSortThenRange() {
        var byStatusReceived = index("cases", "status", 1, "receivedAt", -1);
        var shape = one("{status: 'OPEN'}", "{receivedAt: -1}");
        assertThat(IndexCoverage.served(shape, List.of(byStatusReceived))).isTrue();
        assertThat(IndexCoverage.served(one("{status: 'OPEN'}", "{receivedAt: 1}"), List.of(byStatusReceived)))
                .as("the index walked backwards").isTrue();
        assertThat(IndexCoverage.served(one("{status: 'OPEN'}", "{receivedAt: 1, number: -1}"),
                List.of(index("cases", "status", 1, "receivedAt", -1, "number", -1)))).as("mixed directions")
                .isFalse();
        assertThat(IndexCoverage.served(one("{status: 'OPEN', receivedAt: {$gt: 1}}", null),
                List.of(byStatusReceived))).as("a range after the equality").isTrue();
        assertThat(IndexCoverage.served(one("{receivedAt: {$gt: 1}}", "{receivedAt: -1}"),
                List.of(byStatusReceived))).as("no equality on the leading key").isFalse();
        assertThat(IndexCoverage.served(one("{teamId: 'T1'}", null), List.of(byStatusReceived))).isFalse();
        assertThat(IndexCoverage.served(one("{status: 'OPEN', teamId: 'T'}", null), List.of(byStatusReceived)))
                .as("an equality field the index lacks").isFalse();
        assertThat(IndexCoverage.served(one("{status: 'OPEN', receivedAt: 5}", "{receivedAt: -1}"),
                List.of(index("cases", "status", 1, "receivedAt", 1)))).as("a sort on an equality field").isTrue();
        assertThat(IndexCoverage.served(one("{status: 'OPEN', receivedAt: {$gte: 1}}", "{receivedAt: -1}"),
                List.of(byStatusReceived))).as("a range on the sort field").isTrue();
        assertThat(IndexCoverage.served(one("{}", "{_id: 1}"), List.of())).as("the _id index").isTrue();
        assertThat(IndexCoverage.served(one("{_id: 'x', anything: {$gt: 1}}", null), List.of())).isTrue();
        var number = new Index("cases", List.of(Map.entry("number", 1)), "number", true, false);
        assertThat(IndexCoverage.served(one("{number: 'C-1', pendingMessages: {$exists: true}}", "{x: 1}"),
                List.of(number))).as("one document at most: a unique index's keys by equality").isTrue();
        assertThat(IndexCoverage.served(one("{number: 'C-1', pendingMessages: {$exists: true}}", null),
                List.of(new Index("cases", List.of(Map.entry("number", 1)))))).as("not unique").isFalse();
        assertThat(IndexCoverage.served(one("{}", null), List.of(byStatusReceived))).as("the whole collection")
                .isFalse();
        assertThat(IndexCoverage.served(one("{status: 'OPEN'}", null), List.of(index("reviews", "status", 1))))
                .as("another collection's index").isFalse();
    }
}
