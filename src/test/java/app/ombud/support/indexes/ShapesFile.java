package app.ombud.support.indexes;

import app.ombud.support.indexes.IndexCoverage.Index;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code target/index-coverage/shapes.txt} (src/docs/indexes.md): the build it comes from
 * ({@code # run}), the test filter it ran with if any ({@code # filter}), the declared indexes, the
 * query shapes and — derived, for reading — the shapes no index serves. Written by
 * {@link QueryShapes} in each test JVM of a build (merged), read back by the coverage check.
 */
public record ShapesFile(String run, String filter, List<Index> indexes, List<QueryShape> shapes) {

    private static final String RUN = "# run ";
    private static final String FILTER = "# filter ";
    private static final Pattern SHAPE = Pattern.compile(
            "(\\S+)  E\\[(.*?)] S\\[(.*?)] R\\[(.*?)]( unindexable)?");
    private static final Pattern INDEX = Pattern.compile("(\\S+) \\[(.*?)]((?: \\S+)*)");

    /** Reads the file's lines; a line it cannot read is an error naming it. */
    public static ShapesFile parse(List<String> lines) {
        String run = null;
        String filter = null;
        String section = null;
        List<Index> indexes = new ArrayList<>();
        List<QueryShape> shapes = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith(RUN)) {
                run = line.substring(RUN.length()).strip();
            } else if (line.startsWith(FILTER)) {
                filter = line.substring(FILTER.length()).strip();
            } else if (line.startsWith("# ")) {
                section = line;
            } else if ("# indexes".equals(section)) {
                indexes.add(index(line));
            } else if ("# shapes".equals(section)) {
                shapes.add(shape(line));
            }
        }
        return new ShapesFile(run, filter, indexes, shapes);
    }

    /** A shape from its line, as {@link QueryShape#toString()} writes it. */
    public static QueryShape shape(String line) {
        Matcher m = SHAPE.matcher(line.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a query shape: " + line);
        }
        return new QueryShape(m.group(1), new TreeSet<>(names(m.group(2))), keys(m.group(3)),
                new TreeSet<>(names(m.group(4))), m.group(5) != null);
    }

    /** An index from its line, as {@link Index#toString()} writes it. */
    public static Index index(String line) {
        Matcher m = INDEX.matcher(line.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not an index: " + line);
        }
        List<String> rest = names(m.group(3).replace(' ', ','));
        String name = rest.isEmpty() || Set.of("unique", "ttl").contains(rest.getFirst()) ? null : rest.getFirst();
        return new Index(m.group(1), keys(m.group(2)), name, rest.contains("unique"), rest.contains("ttl"));
    }

    /** {@code a:1, b:-1} as keys with their directions. */
    private static List<Map.Entry<String, Integer>> keys(String list) {
        List<Map.Entry<String, Integer>> keys = new ArrayList<>();
        for (String key : names(list)) {
            int colon = key.lastIndexOf(':');
            keys.add(Map.entry(key.substring(0, colon), Integer.parseInt(key.substring(colon + 1))));
        }
        return List.copyOf(keys);
    }

    private static List<String> names(String list) {
        List<String> out = new ArrayList<>();
        for (String part : list.split(",")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    /** Both files' indexes and shapes (of JVMs of one build). */
    public ShapesFile merge(ShapesFile other) {
        Map<String, Index> allIndexes = new TreeMap<>();
        Map<String, QueryShape> allShapes = new TreeMap<>();
        for (ShapesFile file : List.of(this, other)) {
            file.indexes.forEach(i -> allIndexes.putIfAbsent(i.toString(), i));
            file.shapes.forEach(s -> allShapes.putIfAbsent(s.toString(), s));
        }
        return new ShapesFile(run, filter != null ? filter : other.filter, List.copyOf(allIndexes.values()),
                List.copyOf(allShapes.values()));
    }

    /** The shapes no declared index serves, each as its line. */
    public Set<String> unserved() {
        Set<String> out = new TreeSet<>();
        shapes.stream().filter(s -> !IndexCoverage.served(s, indexes)).forEach(s -> out.add(s.toString()));
        return out;
    }

    /** The file's text. */
    public String text() {
        var sections = new LinkedHashMap<String, Set<String>>();
        sections.put("# indexes", new TreeSet<>(indexes.stream().map(Index::toString).toList()));
        sections.put("# shapes", new TreeSet<>(shapes.stream().map(QueryShape::toString).toList()));
        sections.put("# unserved", unserved());
        StringBuilder text = new StringBuilder();
        if (run != null) {
            text.append(RUN).append(run).append('\n');
        }
        if (filter != null) {
            text.append(FILTER).append(filter).append('\n');
        }
        sections.forEach((heading, lines) -> {
            text.append(heading).append('\n');
            lines.forEach(line -> text.append(line).append('\n'));
        });
        return text.toString();
    }
}
