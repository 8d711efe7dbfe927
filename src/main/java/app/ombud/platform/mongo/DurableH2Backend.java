package app.ombud.platform.mongo;

import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 file backend (with Ombud's indexes, {@link IndexedH2Backend}), changed so that a write is on disk before it is answered
 * (what MongoDB calls a journaled write, {@code j: true}).
 *
 * <p>Why: {@code new H2Backend(file)} opens the MVStore with its defaults. A command changes the
 * in-memory maps and is answered at once; a background thread commits every second
 * ({@code autoCommitDelay} 1000 ms, or sooner when enough changes pile up), and nothing ever calls
 * {@code MVStore.sync()}, so even a commit is only in the OS page cache. {@code kill -9} loses the
 * last second of answered writes, a power cut more; and a commit by that thread in the middle of a
 * command can persist half of it.
 *
 * <p>Here the store never commits on its own; every command that may write runs
 * through {@link GroupCommit}, which commits and syncs before the answer goes back. Commands that
 * only read take no lock and wait for nothing. The wire protocol handler passes every command of
 * the 5.x driver (OP_MSG) and every legacy {@code $cmd} query through
 * {@link #handleCommand(Channel, String, String, Document)}, so that is the one place to hook in.
 */
final class DurableH2Backend extends IndexedH2Backend {

    /** Answered by the backend itself, whatever the database: they touch no map. */
    private static final Set<String> SERVER_READS = Set.of("ismaster", "buildinfo", "ping", "serverstatus",
            "whatsmyuri", "killcursors");

    /** Commands on the {@code admin} database that only read (see AbstractMongoBackend.handleAdminCommand). */
    private static final Set<String> ADMIN_READS = Set.of("find", "hello", "getlog", "getlasterror", "connectionstatus",
            "hostinfo", "getcmdlineopts", "getfreemonitoringstatus", "endsessions", "replsetgetstatus");

    /** Commands on an open database that only read (see AbstractMongoDatabase.handleCommand). */
    private static final Set<String> DATABASE_READS = Set.of("find", "getmore", "count", "distinct",
            "listcollections", "listindexes", "dbstats", "collstats", "validate", "getlasterror", "reseterror");

    /** How often the committer does H2's housekeeping, which its background thread did every 333 ms. */
    private static final long HOUSEKEEPING_INTERVAL_NANOS = 1_000_000_000L;

    private final GroupCommit group;
    private long lastHousekeeping = System.nanoTime();

    /**
     * @param fileStore the store file, opened; with it the MVStore runs no background thread
     *        ({@code autoCommitDisabled()}) and never commits from inside a write
     *        ({@link DurableFileStore#shouldSaveNow}), so only {@link GroupCommit} commits, at a
     *        moment when no command is half-applied
     */
    DurableH2Backend(DurableFileStore fileStore) {
        this(new MVStore.Builder().adoptFileStore(fileStore).autoCommitDisabled().open(), fileStore);
    }

    private DurableH2Backend(MVStore store, DurableFileStore fileStore) {
        super(store);
        // One commit per group makes many small chunks, and a chunk's space is reused only when
        // none of its pages is live any more: without the background thread's housekeeping the
        // file grew by ~100 KB per intake. The committer does the housekeeping now, and chunks are
        // reused as soon as they are dead (retention 0) instead of after 45 s: that delay was
        // for writes that may not have reached the disk yet (every commit here is synced) and for
        // readers of old versions (each read registers the version it reads, see handleCommand).
        store.setRetentionTime(0);
        this.group = new GroupCommit(() -> {
            if (System.nanoTime() - lastHousekeeping > HOUSEKEEPING_INTERVAL_NANOS) {
                fileStore.housekeep(store);
                lastHousekeeping = System.nanoTime();
            }
            store.commit();
        }, store::sync);
    }

    /** @param cacheMegabytes the size of the store's page cache */
    static DurableH2Backend open(String fileName, int cacheMegabytes) {
        return new DurableH2Backend(new DurableFileStore(fileName, cacheMegabytes));
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if (onlyReads(database, command, query)) {
            // no lock, but the version it reads is kept: its chunks are not reused meanwhile
            MVStore.TxCounter reading = getMvStore().registerVersionUsage();
            try {
                return super.handleCommand(channel, database, command, query);
            } finally {
                getMvStore().deregisterVersionUsage(reading);
            }
        }
        // A copy, taken at once: the answer may hold a stored document itself (findAndModify with
        // new: true returns the live object, which later updates change in place), and it is sent
        // only after the sync, while other writes go on.
        return group.write(() -> {
            Document answer = super.handleCommand(channel, database, command, query);
            return answer == null ? null : answer.cloneDeeply();
        });
    }

    /** When unsure, a command writes: a needless sync costs milliseconds, a missed one loses data. */
    private boolean onlyReads(String database, String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (SERVER_READS.contains(name)) {
            return true;
        }
        if ("admin".equals(database)) {
            return ADMIN_READS.contains(name);
        }
        if (!listDatabaseNames().contains(database)) {
            return false; // opening a database creates its maps
        }
        if ("aggregate".equals(name)) {
            return query.get("pipeline") instanceof List<?> stages && stages.stream()
                    .noneMatch(stage -> stage instanceof Document d && (d.containsKey("$out") || d.containsKey("$merge")));
        }
        return DATABASE_READS.contains(name);
    }

    @Override
    public void close() {
        group.exclusively(() -> {
            getMvStore().commit();
            getMvStore().sync();
            super.close();
        });
    }
}
