package app.ombud.support.indexes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every query the tests send has an index, or is listed with its reason (issue 12; src/docs/indexes.md).
 * It reads {@code target/index-coverage/shapes.txt}, which the surefire JVM and each failsafe JVM
 * of this build wrote, so it runs in the pom's own failsafe execution after the other *IT classes.
 * It fails when the file is missing or comes from another build (run it with {@code ./mvnw
 * verify}, never alone), and is skipped — saying so — when the build ran only some tests
 * ({@code -Dtest}, recorded in the file; {@code -Dit.test}, which this JVM gets too), whose shapes
 * prove nothing about the rest.
 */
class IndexCoverageIT {

    static final String KNOWN_UNSERVED = "/index-coverage/known-unserved.txt";

    @Test
    void everyQueryShapeHasAnIndexAndEveryIndexAQuery() throws IOException {
        String file = QueryShapes.property(QueryShapes.FILE_PROPERTY);
        Path path = Path.of(file != null ? file : "target/index-coverage/shapes.txt");
        if (!Files.exists(path)) {
            fail(path + " is missing: the tests of this build wrote no query shapes. The check needs the whole "
                    + "suite first: ./mvnw verify");
        }
        ShapesFile shapes = ShapesFile.parse(Files.readAllLines(path, StandardCharsets.UTF_8));
        String run = QueryShapes.property(QueryShapes.RUN_PROPERTY);
        if (run != null && !run.equals(shapes.run())) {
            fail(path + " comes from another build (" + shapes.run() + ", this one " + run + "): the tests of this "
                    + "build wrote none. The check needs the whole suite first: ./mvnw verify");
        }
        String filter = shapes.filter() != null ? shapes.filter() : QueryShapes.property(QueryShapes.FILTER_PROPERTY);
        Assumptions.assumeTrue(filter == null, () -> "the build ran only the tests " + filter
                + ": the index coverage is checked on the whole suite");
        assertThat(shapes.shapes()).as("query shapes in " + path).isNotEmpty();
        List<String> known;
        try (InputStream in = IndexCoverageIT.class.getResourceAsStream(KNOWN_UNSERVED)) {
            assertThat(in).as(KNOWN_UNSERVED + " on the test class path").isNotNull();
            known = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        var result = CoverageCheck.check(shapes.shapes(), shapes.indexes(), CoverageCheck.knownUnserved(known));
        if (!result.ok()) {
            fail("Index coverage (" + path + "):\n" + result.message());
        }
    }
}
