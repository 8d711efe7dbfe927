package app.ombud.platform.mongo;

import java.util.HashMap;
import java.util.Map;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.SingleFileStore;

/**
 * H2's single-file store, with the commits left to {@link GroupCommit} and H2's housekeeping
 * called by it ({@link DurableH2Backend} explains why).
 */
class DurableFileStore extends SingleFileStore {

    /**
     * @param cacheMegabytes the page cache: with a store it did not open itself, MVStore ignores
     *        {@code MVStore.Builder.cacheSize}, the file store sizes it
     */
    DurableFileStore(String fileName, int cacheMegabytes) {
        super(new HashMap<>(Map.of("cacheSize", cacheMegabytes)));
        open(fileName, false, null);
    }

    /**
     * Never commit from inside a write. H2 does when its write buffer is full, and such a commit
     * takes whatever other commands have half-applied at that moment.
     */
    @Override
    public boolean shouldSaveNow(int unsavedMemory, int autoCommitMemory) {
        return false;
    }

    /**
     * What H2's background thread does besides committing: rewrite the live pages of sparse
     * chunks into the next commit and move chunks to shrink the file. Only while no write is
     * half-applied: the moves commit.
     */
    void housekeep(MVStore store) {
        try {
            doHousekeeping(store);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
