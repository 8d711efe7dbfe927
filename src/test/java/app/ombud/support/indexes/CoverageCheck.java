package app.ombud.support.indexes;

import app.ombud.support.indexes.IndexCoverage.Index;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The index-coverage check of issue 12 (src/docs/indexes.md), on what the tests sent and declared
 * ({@link ShapesFile}) and the list of shapes known to go unserved, each with its reason
 * ({@code src/test/resources/index-coverage/known-unserved.txt}). It finds
 * <ul>
 * <li>shapes no index serves that the list does not name;</li>
 * <li>stale entries of the list: shapes no longer sent, or served now;</li>
 * <li>unneeded indexes: a declared index, neither unique nor TTL, without which no shape goes
 * unserved (leave-one-out) — every shape it serves another index serves too.</li>
 * </ul>
 * The indexes the driver makes for GridFS ({@code *.files}, {@code *.chunks}) are not ours and
 * are left out of the last.
 */
public final class CoverageCheck {

    private static final String REASON = "  ## ";

    private CoverageCheck() {
    }

    /** What the check found; {@link #ok()} when nothing. */
    public record Result(List<String> unlisted, List<String> stale, List<String> unneeded) {

        public boolean ok() {
            return unlisted.isEmpty() && stale.isEmpty() && unneeded.isEmpty();
        }

        /** The findings, each under what to do about it. */
        public String message() {
            StringBuilder out = new StringBuilder();
            section(out, "Query shapes no declared index serves: declare an index (src/docs/indexes.md) or, when no "
                    + "index can serve it, list it with its reason in src/test/resources/index-coverage/"
                    + "known-unserved.txt", unlisted);
            section(out, "Stale entries of known-unserved.txt: remove them", stale);
            section(out, "Unneeded indexes (neither unique nor TTL; every shape they serve another index serves "
                    + "too): remove them, or add the query they are for", unneeded);
            return out.toString();
        }

        private static void section(StringBuilder out, String heading, List<String> lines) {
            if (!lines.isEmpty()) {
                out.append(heading).append(" (").append(lines.size()).append("):\n");
                lines.forEach(line -> out.append("  ").append(line).append('\n'));
            }
        }
    }

    /**
     * The known-unserved list: each entry a shape's line as shapes.txt writes it, then
     * {@code "  ## "} and the reason; blank lines and lines starting with {@code "# "} are comments.
     */
    public static Map<String, String> knownUnserved(List<String> lines) {
        Map<String, String> known = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("# ")) {
                continue;
            }
            int at = line.indexOf(REASON);
            if (at < 0 || line.substring(at + REASON.length()).isBlank()) {
                throw new IllegalArgumentException("known-unserved.txt: an entry without its reason (\"shape  ## "
                        + "reason\"): " + line);
            }
            String shape = ShapesFile.shape(line.substring(0, at)).toString();
            if (known.put(shape, line.substring(at + REASON.length()).strip()) != null) {
                throw new IllegalArgumentException("known-unserved.txt: listed twice: " + shape);
            }
        }
        return known;
    }

    /** Checks the shapes and indexes of a build against the known-unserved list. */
    public static Result check(List<QueryShape> shapes, List<Index> indexes, Map<String, String> known) {
        Set<String> sent = shapes.stream().map(QueryShape::toString).collect(Collectors.toCollection(TreeSet::new));
        List<QueryShape> served = new ArrayList<>();
        List<String> unlisted = new ArrayList<>();
        for (QueryShape shape : shapes) {
            if (IndexCoverage.served(shape, indexes)) {
                served.add(shape);
            } else if (!known.containsKey(shape.toString())) {
                unlisted.add(shape.toString());
            }
        }
        List<String> stale = new ArrayList<>();
        Set<String> servedLines = served.stream().map(QueryShape::toString).collect(Collectors.toSet());
        known.keySet().forEach(line -> {
            if (!sent.contains(line)) {
                stale.add(line + "  — no longer sent");
            } else if (servedLines.contains(line)) {
                stale.add(line + "  — served now");
            }
        });
        List<String> unneeded = new ArrayList<>();
        for (Index index : indexes) {
            if (!index.forQueries() || gridFs(index)) {
                continue;
            }
            List<Index> others = indexes.stream().filter(i -> i != index).toList();
            if (served.stream().filter(s -> s.collection().equals(index.collection()))
                    .allMatch(s -> IndexCoverage.served(s, others))) {
                unneeded.add(index.toString());
            }
        }
        return new Result(sorted(unlisted), sorted(stale), sorted(unneeded));
    }

    private static boolean gridFs(Index index) {
        return index.collection().endsWith(".files") || index.collection().endsWith(".chunks");
    }

    private static List<String> sorted(List<String> lines) {
        return List.copyOf(new TreeSet<>(lines));
    }
}
