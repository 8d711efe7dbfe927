package app.ombud.support.indexes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ombud.support.indexes.IndexCoverage.Index;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The coverage check (leave-one-out, stale entries) and reading shapes.txt, on hand-made inputs. */
class CoverageCheckTest {

    private static final String BY_STATUS = "cases  E[status] S[receivedAt:-1, _id:1] R[]";
    private static final String BY_TEAM = "cases  E[assignment.teamId, status] S[] R[]";
    private static final String FREE_TEXT = "cases  E[status] S[receivedAt:-1, _id:1] R[subject]";

    private static List<QueryShape> shapes(String... lines) {
        return java.util.Arrays.stream(lines).map(ShapesFile::shape).toList();
    }

    private static List<Index> indexes(String... lines) {
        return java.util.Arrays.stream(lines).map(ShapesFile::index).toList();
    }

    @Test
    void shapesAndIndexesReadBackAsTheyAreWritten() {
        for (String line : List.of(BY_STATUS, BY_TEAM, "fs.files  E[] S[] R[]",
                "cases  E[a.b] S[x:1] R[c, d] unindexable")) {
            assertThat(ShapesFile.shape(line).toString()).isEqualTo(line);
        }
        for (String line : List.of("cases [status:1, receivedAt:-1, _id:1] status_received",
                "cases [number:1] number unique", "login_throttle [expiresAt:1] expiresAt ttl", "cases [a:1]")) {
            assertThat(ShapesFile.index(line).toString()).isEqualTo(line);
        }
        var unique = ShapesFile.index("cases [number:1] number unique");
        assertThat(unique.unique()).isTrue();
        assertThat(unique.forQueries()).isFalse();
        assertThat(ShapesFile.index("x [expiresAt:1] expiresAt ttl").forQueries()).isFalse();
        assertThatThrownBy(() -> ShapesFile.shape("cases E[status]")).hasMessageContaining("not a query shape");
    }

    @Test
    void theFileReadsBackAndFilesOfOneBuildMerge() {
        var one = new ShapesFile("run-1", null, indexes("cases [status:1, receivedAt:-1, _id:1] s"),
                shapes(BY_STATUS, FREE_TEXT));
        var read = ShapesFile.parse(one.text().lines().toList());
        assertThat(read).isEqualTo(one);
        assertThat(one.text()).contains("# run run-1\n", "# unserved\n" + FREE_TEXT + "\n");
        var other = new ShapesFile("run-1", "SomeIT", indexes("cases [assignment.teamId:1, status:1] t"),
                shapes(BY_STATUS, BY_TEAM));
        var merged = one.merge(other);
        assertThat(merged.filter()).isEqualTo("SomeIT");
        assertThat(merged.shapes()).extracting(QueryShape::toString).containsExactlyInAnyOrder(BY_STATUS, BY_TEAM,
                FREE_TEXT);
        assertThat(merged.indexes()).hasSize(2);
        assertThat(merged.unserved()).containsExactly(FREE_TEXT);
    }

    @Test
    void anUnservedShapeMustBeListedWithItsReason() {
        var result = CoverageCheck.check(shapes(BY_STATUS, FREE_TEXT),
                indexes("cases [status:1, receivedAt:-1, _id:1] s"), Map.of());
        assertThat(result.unlisted()).containsExactly(FREE_TEXT);
        assertThat(result.message()).contains("no declared index serves", FREE_TEXT);
        var listed = CoverageCheck.knownUnserved(List.of("# free text", "", FREE_TEXT + "  ## free text"));
        assertThat(listed).containsEntry(FREE_TEXT, "free text");
        assertThat(CoverageCheck.check(shapes(BY_STATUS, FREE_TEXT),
                indexes("cases [status:1, receivedAt:-1, _id:1] s"), listed).ok()).isTrue();
        assertThatThrownBy(() -> CoverageCheck.knownUnserved(List.of(FREE_TEXT))).hasMessageContaining("reason");
        assertThatThrownBy(() -> CoverageCheck.knownUnserved(List.of(FREE_TEXT + "  ## a", FREE_TEXT + "  ## b")))
                .hasMessageContaining("twice");
    }

    @Test
    void anEntryNoLongerSentOrServedNowIsStale() {
        var known = CoverageCheck.knownUnserved(List.of(FREE_TEXT + "  ## free text", BY_TEAM + "  ## later"));
        var result = CoverageCheck.check(shapes(BY_STATUS, BY_TEAM),
                indexes("cases [status:1, receivedAt:-1, _id:1] s", "cases [status:1, assignment.teamId:1] t"), known);
        assertThat(result.stale()).containsExactly(BY_TEAM + "  — served now", FREE_TEXT + "  — no longer sent");
        assertThat(result.unlisted()).isEmpty();
        assertThat(result.message()).contains("Stale entries");
    }

    @Test
    void anIndexWithoutWhichNothingGoesUnservedIsUnneeded() {
        var shapes = shapes(BY_STATUS, BY_TEAM);
        var result = CoverageCheck.check(shapes, indexes("cases [status:1, receivedAt:-1, _id:1] s",
                "cases [status:1, assignment.teamId:1] t", "cases [status:1] status",
                "cases [urgent:-1] urgent", "reviews [status:1] review_status"), Map.of());
        assertThat(result.unneeded()).as("served by another / serving nothing").containsExactly(
                "cases [status:1] status", "cases [urgent:-1] urgent", "reviews [status:1] review_status");
        assertThat(result.message()).contains("Unneeded indexes", "cases [urgent:-1] urgent");
        assertThat(CoverageCheck.check(shapes, indexes("cases [status:1, receivedAt:-1, _id:1] s",
                "cases [status:1, assignment.teamId:1] t", "cases [number:1] number unique",
                "cases [expiresAt:1] expiresAt ttl", "fs.files [filename:1, uploadDate:1] filename_1_uploadDate_1"),
                Map.of()).ok()).as("unique, TTL and the driver's GridFS indexes are exempt").isTrue();
        var twice = CoverageCheck.check(shapes, indexes("cases [status:1, receivedAt:-1, _id:1] s",
                "cases [status:1, assignment.teamId:1] t", "cases [assignment.teamId:1, status:1] t2"), Map.of());
        assertThat(twice.unneeded()).as("two that serve the same: either may go").hasSize(2);
    }
}
