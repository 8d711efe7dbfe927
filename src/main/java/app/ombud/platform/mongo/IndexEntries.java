package app.ombud.platform.mongo;

import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Where a {@link SortedIndex} keeps its entries (key columns and {@code _id} → the document's
 * position), in {@link IndexKeyOrder}. Readers walk it while writers change it (mongo-java-server
 * does not lock {@code count}, and the durable file backend reads without a lock), so both
 * implementations are concurrent maps: a skip list on the heap, an MVStore map in the file.
 */
interface IndexEntries<P> {

    void put(Object[] key, P position);

    /** @return the position the key held, null if it held none */
    P remove(Object[] key);

    P get(Object[] key);

    long size();

    void clear();

    /** The positions of the entries from {@code first} to {@code last}, both included, in walk order. */
    Iterator<P> walk(Object[] first, Object[] last, boolean reverse);

    /** Whether some document gave more than one entry (an array value): then no sort is served. */
    boolean multikey();

    void markMultikey();

    /** On the heap: the memory backend's, built at start like its documents. */
    final class OnHeap<P> implements IndexEntries<P> {

        private final IndexKeyOrder order;
        private final ConcurrentSkipListMap<Object[], P> map;
        private volatile boolean multikey;

        OnHeap(IndexKeyOrder order) {
            this.order = order;
            this.map = new ConcurrentSkipListMap<>(order);
        }

        @Override
        public void put(Object[] key, P position) {
            map.put(key, position);
        }

        @Override
        public P remove(Object[] key) {
            return map.remove(key);
        }

        @Override
        public P get(Object[] key) {
            return map.get(key);
        }

        @Override
        public long size() {
            return map.size();
        }

        @Override
        public void clear() {
            map.clear();
            multikey = false;
        }

        @Override
        public Iterator<P> walk(Object[] first, Object[] last, boolean reverse) {
            if (order.compare(first, last) > 0) {
                return Collections.emptyIterator(); // an empty interval: the skip list would refuse it
            }
            Map<Object[], P> range = reverse ? map.subMap(first, true, last, true).descendingMap()
                    : map.subMap(first, true, last, true);
            return range.values().iterator();
        }

        @Override
        public boolean multikey() {
            return multikey;
        }

        @Override
        public void markMultikey() {
            multikey = true;
        }
    }
}
