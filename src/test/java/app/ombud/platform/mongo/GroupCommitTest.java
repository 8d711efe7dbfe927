package app.ombud.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The group commit on its own: who commits, what a commit sees, when an answer is released. */
class GroupCommitTest {

    @Test
    void writesThatFinishDuringASyncShareTheNextCommit() throws Exception {
        var commits = new AtomicInteger();
        var syncing = new CountDownLatch(1);
        var releaseSync = new CountDownLatch(1);
        var firstSync = new AtomicBoolean(true);
        var group = new GroupCommit(commits::incrementAndGet, () -> {
            if (firstSync.getAndSet(false)) {
                syncing.countDown();
                await(releaseSync);
            }
        });

        var first = new Writer(group, "first");
        first.start();
        await(syncing);
        // three more writes finish while the first one's sync is on the disk
        List<Writer> later = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            var writer = new Writer(group, "later " + i);
            later.add(writer);
            writer.start();
        }
        for (Writer writer : later) {
            waitUntilParked(writer);
            assertThat(writer.answer).as("answered before it is on disk").isNotDone();
        }
        assertThat(first.answer).isNotDone();

        releaseSync.countDown();
        assertThat(first.answer.get(10, TimeUnit.SECONDS)).isEqualTo("first");
        for (Writer writer : later) {
            assertThat(writer.answer.get(10, TimeUnit.SECONDS)).startsWith("later");
        }
        assertThat(commits).as("one commit for the first write, one for the three after it").hasValue(2);
    }

    @Test
    void aCommitWaitsForWritesInProgressSoItNeverSeesHalfOfOne() throws Exception {
        int[] parts = new int[2];
        List<String> committed = new CopyOnWriteArrayList<>();
        var group = new GroupCommit(() -> committed.add(parts[0] + "/" + parts[1]), () -> { });
        var halfway = new CountDownLatch(1);
        var finish = new CountDownLatch(1);

        var slow = new Thread(() -> group.write(() -> {
            parts[0]++;
            halfway.countDown();
            await(finish);
            parts[1]++;
            return "slow";
        }));
        slow.start();
        await(halfway);
        var quick = new Writer(group, "quick");
        quick.start();
        waitUntilParked(quick);
        assertThat(committed).as("no commit while a write is half-applied").isEmpty();

        finish.countDown();
        assertThat(quick.answer.get(10, TimeUnit.SECONDS)).isEqualTo("quick");
        slow.join(10_000);
        assertThat(committed).isNotEmpty().allSatisfy(state -> assertThat(state).isIn("1/1"));
    }

    @Test
    void aWriteWhoseSyncFailsIsNotAnsweredAndTheNextWriteSyncsAgain() throws Exception {
        var failNext = new AtomicBoolean(true);
        var syncs = new AtomicInteger();
        var group = new GroupCommit(() -> { }, () -> {
            syncs.incrementAndGet();
            if (failNext.getAndSet(false)) {
                throw new UncheckedIOException(new java.io.IOException("disk full"));
            }
        });

        assertThatThrownBy(() -> group.write(() -> "lost")).hasMessageContaining("disk full");
        assertThat(group.write(() -> "kept")).isEqualTo("kept");
        assertThat(syncs).hasValue(2);
    }

    /** A write on its own thread whose answer is a future. */
    private static final class Writer extends Thread {
        final CompletableFuture<String> answer = new CompletableFuture<>();
        private final GroupCommit group;
        private final String name;

        Writer(GroupCommit group, String name) {
            this.group = group;
            this.name = name;
        }

        @Override
        public void run() {
            try {
                answer.complete(group.write(() -> name));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        }
    }

    /** Until the thread waits for a lock or a signal (a state, not a time). */
    private static void waitUntilParked(Thread thread) throws InterruptedException {
        while (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.TERMINATED) {
            Thread.sleep(1);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
