package app.ombud.platform.mongo;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Makes writes durable before they are answered, with one commit and one sync for every write
 * that finished while the previous sync ran (group commit).
 *
 * <p>A write runs under the shared side of {@link #applying}: writes run side by side, as they
 * did before. When it is done it takes a ticket and waits until a commit that started after its
 * ticket is on disk. One waiter at a time becomes the committer: it takes the exclusive side only
 * for the commit, so the commit sees no write half-applied (a command changes several maps: the
 * collection's documents, its unique indexes, its size, the oplog), and reads the ticket counter
 * there, which is the highest ticket that commit covers. It lets go of the exclusive side before
 * the sync, so the next writes run while the disk works and form the next group. Waiters whose
 * ticket is covered return without committing again.
 *
 * <p>Never commit while holding the shared side: the exclusive side would wait for itself.
 */
final class GroupCommit {

    private final Runnable commit;
    private final Runnable sync;

    private final ReentrantReadWriteLock applying = new ReentrantReadWriteLock();
    private final AtomicLong tickets = new AtomicLong();

    private final ReentrantLock state = new ReentrantLock();
    private final Condition done = state.newCondition();
    /** The highest ticket that is on disk; guarded by {@link #state}. */
    private long durable;
    /** Whether a waiter is committing and syncing now; guarded by {@link #state}. */
    private boolean committing;

    /**
     * @param commit writes every change made so far to the file (no write is in progress when it runs)
     * @param sync forces what was written to the disk
     */
    GroupCommit(Runnable commit, Runnable sync) {
        this.commit = commit;
        this.sync = sync;
    }

    /** Runs a write and returns its answer once the write is on disk. */
    <T> T write(Supplier<T> command) {
        T answer;
        long ticket;
        applying.readLock().lock();
        try {
            answer = command.get();
        } finally {
            // taken after the write's changes are made: any commit that reads the counter later covers them
            ticket = tickets.incrementAndGet();
            applying.readLock().unlock();
        }
        awaitDurable(ticket);
        return answer;
    }

    /** Runs an action while no write is in progress (e.g. closing the store). */
    void exclusively(Runnable action) {
        applying.writeLock().lock();
        try {
            action.run();
        } finally {
            applying.writeLock().unlock();
        }
    }

    private void awaitDurable(long ticket) {
        state.lock();
        try {
            while (durable < ticket) {
                if (committing) {
                    done.awaitUninterruptibly();
                    continue;
                }
                committing = true;
                long covered = 0;
                state.unlock();
                try {
                    covered = commitAndSync();
                } finally {
                    // on failure nothing is marked durable: this write fails, and the next waiter tries again
                    state.lock();
                    committing = false;
                    durable = Math.max(durable, covered);
                    done.signalAll();
                }
            }
        } finally {
            state.unlock();
        }
    }

    private long commitAndSync() {
        long covered;
        applying.writeLock().lock();
        try {
            covered = tickets.get();
            commit.run();
        } finally {
            applying.writeLock().unlock();
        }
        sync.run();
        return covered;
    }
}
