package app.ombud.support.indexes;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Records, for the index-coverage check (issue 12), every query shape the test suite sends to the
 * store — {@code find}, {@code aggregate} (its first {@code $match} and {@code $sort}),
 * {@code count}, {@code distinct}, {@code update}, {@code delete}, {@code findAndModify} — and
 * every index the application declares ({@code createIndexes}), on the one test MongoClient. When
 * the JVM's tests end ({@link WriteQueryShapes}) they are written, with the shapes no declared
 * index serves ({@link IndexCoverage}), to the file named by the system property
 * {@value #FILE_PROPERTY} (surefire sets it: {@code target/index-coverage/shapes.txt}); see
 * {@code src/docs/indexes.md}.
 */
public final class QueryShapes implements CommandListener {

    public static final String FILE_PROPERTY = "ombud.query-shapes.file";
    /** The build the JVM's tests belong to: JVMs of one build merge their shapes into one file. */
    public static final String RUN_PROPERTY = "ombud.query-shapes.run";
    /** The test filter surefire or failsafe ran with ({@code -Dtest}, {@code -Dit.test}), when there was one. */
    public static final String FILTER_PROPERTY = "ombud.query-shapes.filter";
    public static final QueryShapes INSTANCE = new QueryShapes();
    private static final Set<String> INTERNAL = Set.of("shedlock", "system.indexes");

    private final Map<String, QueryShape> shapes = new ConcurrentHashMap<>();
    private final Map<String, IndexCoverage.Index> indexes = new ConcurrentHashMap<>();

    private QueryShapes() {
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        BsonDocument command = event.getCommand();
        try {
            switch (event.getCommandName()) {
                case "find" -> add(name(command, "find"), command.getDocument("filter", null),
                        command.getDocument("sort", null));
                case "count" -> add(name(command, "count"), command.getDocument("query", null), null);
                case "distinct" -> add(name(command, "distinct"), command.getDocument("query", null), null);
                case "findAndModify" -> add(name(command, "findAndModify"), command.getDocument("query", null),
                        command.getDocument("sort", null));
                case "aggregate" -> aggregate(command);
                case "update" -> each(command, "update", "updates", "q");
                case "delete" -> each(command, "delete", "deletes", "q");
                case "createIndexes" -> {
                    String collection = name(command, "createIndexes");
                    for (BsonValue index : command.getArray("indexes")) {
                        List<Map.Entry<String, Integer>> keys = new ArrayList<>();
                        index.asDocument().getDocument("key").forEach((field, dir) -> keys.add(Map.entry(field,
                                dir.isNumber() && dir.asNumber().intValue() < 0 ? -1 : 1)));
                        BsonDocument options = index.asDocument();
                        var declared = new IndexCoverage.Index(collection, List.copyOf(keys),
                                options.containsKey("name") ? options.getString("name").getValue() : null,
                                options.getBoolean("unique", BsonBoolean.FALSE).getValue(),
                                options.containsKey("expireAfterSeconds"));
                        indexes.put(declared.toString(), declared);
                    }
                }
                default -> { }
            }
        } catch (RuntimeException e) {
            // a command of a form this reading does not know is left out, never breaks a test
        }
    }

    private void aggregate(BsonDocument command) {
        if (!command.get("aggregate").isString()) {
            return;
        }
        BsonDocument match = null;
        BsonDocument sort = null;
        BsonArray pipeline = command.getArray("pipeline");
        for (BsonValue stage : pipeline) {
            var s = stage.asDocument();
            if (match == null && sort == null && s.containsKey("$match")) {
                match = s.getDocument("$match");
            } else if (sort == null && s.containsKey("$sort")) {
                sort = s.getDocument("$sort");
            } else {
                break;
            }
        }
        add(name(command, "aggregate"), match, sort);
    }

    private void each(BsonDocument command, String name, String list, String filter) {
        for (BsonValue one : command.getArray(list, new BsonArray())) {
            add(name(command, name), one.asDocument().getDocument(filter, null), null);
        }
    }

    private static String name(BsonDocument command, String key) {
        return command.getString(key).getValue();
    }

    private void add(String collection, BsonDocument filter, BsonDocument sort) {
        if (INTERNAL.contains(collection) || collection.startsWith("system.")) {
            return;
        }
        for (QueryShape shape : QueryShape.of(collection, filter, sort)) {
            shapes.putIfAbsent(shape.toString(), shape);
        }
    }

    /**
     * Writes the recorded shapes and declared indexes, with the shapes no index serves, to the file,
     * if one is named. Another JVM of the same build (the property {@value #RUN_PROPERTY}, which
     * Maven sets to the build's start time) may have written it already: then both are merged, under
     * a file lock; a file from an earlier build is replaced.
     */
    void write() {
        String file = System.getProperty(FILE_PROPERTY);
        if (file == null || file.isBlank() || shapes.isEmpty()) {
            return;
        }
        var mine = new ShapesFile(property(RUN_PROPERTY), property(FILTER_PROPERTY), List.copyOf(indexes.values()),
                List.copyOf(shapes.values()));
        try {
            Path path = Path.of(file);
            Files.createDirectories(path.getParent());
            try (var lock = FileChannel.open(path.resolveSibling(path.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE); var held = lock.lock()) {
                ShapesFile merged = mine;
                if (mine.run() != null && Files.exists(path)) {
                    ShapesFile before = ShapesFile.parse(Files.readAllLines(path, StandardCharsets.UTF_8));
                    if (mine.run().equals(before.run())) {
                        merged = before.merge(mine);
                    }
                }
                Files.writeString(path, merged.text(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A system property Maven set, null when it is blank or Maven left it unresolved ({@code ${test}}). */
    static String property(String name) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() || value.startsWith("${") ? null : value.strip();
    }
}
