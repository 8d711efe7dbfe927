package app.ombud.support;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Counts the commands the application sends to the store (reads and writes; not the driver's
 * handshakes and heartbeats), so a test can show that a request's cost does not grow with the
 * size of its page. Registered on the one test MongoClient ({@link TestSupportConfiguration}).
 */
public class StoreCommands implements CommandListener {

    private static final Set<String> COUNTED = Set.of("find", "getMore", "aggregate", "count", "distinct", "insert",
            "update", "delete", "findAndModify");

    private final AtomicInteger sent = new AtomicInteger();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (counted(event.getCommandName())) {
            sent.incrementAndGet();
        }
    }

    /** Whether the command is one this counts (reads and writes of the application). */
    public static boolean counted(String commandName) {
        return COUNTED.contains(commandName);
    }

    /** The commands sent while {@code work} ran (by any thread: the server answers on its own). */
    public <T> Counted<T> during(Supplier<T> work) {
        int before = sent.get();
        T result = work.get();
        return new Counted<>(result, sent.get() - before);
    }

    public record Counted<T>(T result, int commands) {
    }
}
