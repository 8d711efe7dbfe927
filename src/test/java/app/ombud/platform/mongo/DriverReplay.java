package app.ombud.platform.mongo;

import com.mongodb.client.MongoDatabase;
import java.util.List;
import org.bson.Document;

/**
 * The MongoDB driver asking the store directly for the same page as the API: the very
 * {@code find} command the forked Ombud sent for the request (as its command listener saw it),
 * replayed with {@code runCommand} from the benchmark's own client, with every batch read. The
 * difference to the API's time is what Ombud adds: security, the other commands of the request
 * (names of departments and people, ...), mapping, GraphQL and JSON over HTTP.
 */
final class DriverReplay {

    private final MongoDatabase database;
    private final Document find;

    private DriverReplay(MongoDatabase database, Document find) {
        this.database = database;
        this.find = find;
    }

    /**
     * The first {@code find} on {@code collection} among the commands (JSON, as the probe keeps
     * them), without what belongs to the fork's session ({@code lsid}, {@code $db},
     * {@code $clusterTime}, ...).
     */
    static DriverReplay of(MongoDatabase database, String collection, List<String> commands) {
        for (String json : commands) {
            Document command = Document.parse(json);
            if (collection.equals(command.get("find"))) {
                command.keySet().removeIf(key -> key.startsWith("$") || key.equals("lsid") || key.equals("txnNumber"));
                return new DriverReplay(database, command);
            }
        }
        throw new IllegalStateException("no find on " + collection + " among " + commands);
    }

    /** Sends the find and reads every batch; returns the number of documents. */
    int send() {
        Document cursor = database.runCommand(find).get("cursor", Document.class);
        int documents = cursor.getList("firstBatch", Document.class).size();
        long id = cursor.get("id", Number.class).longValue();
        while (id != 0) {
            cursor = database.runCommand(new Document("getMore", id).append("collection", find.get("find")))
                    .get("cursor", Document.class);
            documents += cursor.getList("nextBatch", Document.class).size();
            id = cursor.get("id", Number.class).longValue();
        }
        return documents;
    }

    /** A command as its name and collection, e.g. "find cases". */
    static String describe(String json) {
        Document command = Document.parse(json);
        String name = command.keySet().iterator().next();
        return name + " " + command.get(name);
    }

    /** The command, for the report. */
    String json() {
        return find.toJson();
    }
}
